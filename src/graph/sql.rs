//! The few SQL operations the graph database code needs, over SQLite and PostgreSQL alike.
//!
//! In: SQL text with `?1`, `?2`, ... placeholders and [`Value`] parameters. Out: rows of
//! [`Value`]s. [`super::sqlite`] and [`super::part`] are written once against the [`Sql`]
//! trait; an SQLite connection ([`rusqlite::Connection`], also inside a transaction) and a
//! PostgreSQL connection ([`super::postgres::PgConn`]) implement it. The statements they
//! run are plain enough for both (`ON CONFLICT` upserts, `RETURNING`); only the schema
//! (types, triggers) and the catalog queries differ, and each implementation gives its own.

use crate::Error;

/// A parameter or a column value. Nulls carry their type, which PostgreSQL needs to bind
/// them.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Int(Option<i64>),
    Real(Option<f64>),
    Text(Option<String>),
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(Some(v))
    }
}
impl From<Option<i64>> for Value {
    fn from(v: Option<i64>) -> Value {
        Value::Int(v)
    }
}
impl From<f64> for Value {
    fn from(v: f64) -> Value {
        Value::Real(Some(v))
    }
}
impl From<Option<f64>> for Value {
    fn from(v: Option<f64>) -> Value {
        Value::Real(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(Some(v.to_string()))
    }
}
impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Text(Some(v))
    }
}
impl From<&String> for Value {
    fn from(v: &String) -> Value {
        Value::Text(Some(v.clone()))
    }
}
impl From<&Option<String>> for Value {
    fn from(v: &Option<String>) -> Value {
        Value::Text(v.clone())
    }
}

/// Parameters for a statement: `params![a, b]`.
macro_rules! params {
    ($($v:expr),* $(,)?) => { &[$($crate::graph::sql::Value::from($v)),*] };
}
pub(crate) use params;

/// A failure of the database, or of the graph code a row was handed to.
#[derive(Debug)]
pub(crate) enum DbError {
    Sqlite(rusqlite::Error),
    Pg(postgres::Error),
    /// A column that does not hold what the code reads from it.
    Type(String),
    /// An error of the code that read a row, passed through unchanged.
    Graph(Error),
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbError::Sqlite(e) => write!(f, "{e}"),
            DbError::Pg(e) => match e.as_db_error() {
                Some(db) => write!(f, "{}", db.message()),
                None => write!(f, "{e}"),
            },
            DbError::Type(m) => write!(f, "{m}"),
            DbError::Graph(e) => write!(f, "{e}"),
        }
    }
}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> DbError {
        DbError::Sqlite(e)
    }
}
impl From<postgres::Error> for DbError {
    fn from(e: postgres::Error) -> DbError {
        DbError::Pg(e)
    }
}
impl From<Error> for DbError {
    fn from(e: Error) -> DbError {
        DbError::Graph(e)
    }
}

/// One row of a result.
#[derive(Debug)]
pub(crate) struct Row(pub(crate) Vec<Value>);

impl Row {
    fn at(&self, i: usize) -> Result<&Value, DbError> {
        self.0
            .get(i)
            .ok_or_else(|| DbError::Type(format!("no column {i}")))
    }

    pub fn opt_int(&self, i: usize) -> Result<Option<i64>, DbError> {
        match self.at(i)? {
            Value::Int(v) => Ok(*v),
            Value::Real(None) | Value::Text(None) => Ok(None),
            v => Err(DbError::Type(format!(
                "column {i} holds {v:?}, not an integer"
            ))),
        }
    }

    pub fn int(&self, i: usize) -> Result<i64, DbError> {
        self.opt_int(i)?
            .ok_or_else(|| DbError::Type(format!("column {i} is null, not an integer")))
    }

    pub fn opt_real(&self, i: usize) -> Result<Option<f64>, DbError> {
        match self.at(i)? {
            Value::Real(v) => Ok(*v),
            Value::Int(v) => Ok(v.map(|x| x as f64)),
            Value::Text(None) => Ok(None),
            v => Err(DbError::Type(format!(
                "column {i} holds {v:?}, not a number"
            ))),
        }
    }

    pub fn real(&self, i: usize) -> Result<f64, DbError> {
        self.opt_real(i)?
            .ok_or_else(|| DbError::Type(format!("column {i} is null, not a number")))
    }

    pub fn opt_text(&self, i: usize) -> Result<Option<String>, DbError> {
        match self.at(i)? {
            Value::Text(v) => Ok(v.clone()),
            Value::Int(None) | Value::Real(None) => Ok(None),
            v => Err(DbError::Type(format!("column {i} holds {v:?}, not text"))),
        }
    }

    pub fn text(&self, i: usize) -> Result<String, DbError> {
        self.opt_text(i)?
            .ok_or_else(|| DbError::Type(format!("column {i} is null, not text")))
    }
}

/// Which database a connection speaks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dialect {
    Sqlite,
    Postgres,
}

/// A connection (with a transaction open on it) that runs statements.
pub(crate) trait Sql {
    /// Runs a query and hands each row to `f`, in order.
    fn each(
        &self,
        sql: &str,
        params: &[Value],
        f: &mut dyn FnMut(&Row) -> Result<(), DbError>,
    ) -> Result<(), DbError>;

    /// Runs a statement; returns the number of rows it changed.
    fn execute(&self, sql: &str, params: &[Value]) -> Result<u64, DbError>;

    /// Runs several statements without parameters.
    fn batch(&self, sql: &str) -> Result<(), DbError>;

    fn dialect(&self) -> Dialect;

    /// Every row of a query.
    fn rows(&self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError> {
        let mut out = Vec::new();
        self.each(sql, params, &mut |r| {
            out.push(Row(r.0.clone()));
            Ok(())
        })?;
        Ok(out)
    }

    /// The first row of a query, if any.
    fn opt(&self, sql: &str, params: &[Value]) -> Result<Option<Row>, DbError> {
        Ok(self.rows(sql, params)?.into_iter().next())
    }

    /// The first column of every row, as integers.
    fn ints(&self, sql: &str, params: &[Value]) -> Result<Vec<i64>, DbError> {
        let mut out = Vec::new();
        self.each(sql, params, &mut |r| {
            out.push(r.int(0)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// The first column of the first row, as an integer (`None` when there is no row).
    fn opt_int(&self, sql: &str, params: &[Value]) -> Result<Option<i64>, DbError> {
        self.opt(sql, params)?.map(|r| r.int(0)).transpose()
    }

    /// The first row of a query, which must have one.
    fn one(&self, sql: &str, params: &[Value]) -> Result<Row, DbError> {
        self.opt(sql, params)?
            .ok_or_else(|| DbError::Type("the query returned no row".into()))
    }

    /// How many tables the database has (of the current schema, for PostgreSQL), or
    /// whether it has the one named `name` (0 or 1).
    fn count_tables(&self, name: Option<&str>) -> Result<i64, DbError> {
        let (all, one) = match self.dialect() {
            Dialect::Sqlite => (
                "SELECT count(*) FROM sqlite_master",
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
            ),
            Dialect::Postgres => (
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
                "SELECT count(*) FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_name::text = ?1",
            ),
        };
        match name {
            None => self.one(all, &[])?.int(0),
            Some(n) => self.one(one, params![n])?.int(0),
        }
    }
}

impl Sql for rusqlite::Connection {
    fn each(
        &self,
        sql: &str,
        params: &[Value],
        f: &mut dyn FnMut(&Row) -> Result<(), DbError>,
    ) -> Result<(), DbError> {
        let mut st = self.prepare_cached(sql)?;
        let mut rows = st.query(rusqlite::params_from_iter(params.iter()))?;
        let n = rows.as_ref().map_or(0, |s| s.column_count());
        let mut row = Row(Vec::with_capacity(n));
        while let Some(r) = rows.next()? {
            row.0.clear();
            for i in 0..n {
                use rusqlite::types::ValueRef;
                row.0.push(match r.get_ref(i)? {
                    ValueRef::Null => Value::Int(None),
                    ValueRef::Integer(x) => Value::Int(Some(x)),
                    ValueRef::Real(x) => Value::Real(Some(x)),
                    ValueRef::Text(t) => Value::Text(Some(
                        std::str::from_utf8(t)
                            .map_err(|e| DbError::Type(format!("column {i}: {e}")))?
                            .to_string(),
                    )),
                    ValueRef::Blob(_) => {
                        return Err(DbError::Type(format!("column {i} holds a blob")));
                    }
                });
            }
            f(&row)?;
        }
        Ok(())
    }

    fn execute(&self, sql: &str, params: &[Value]) -> Result<u64, DbError> {
        let n = self
            .prepare_cached(sql)?
            .execute(rusqlite::params_from_iter(params.iter()))?;
        Ok(n as u64)
    }

    fn batch(&self, sql: &str) -> Result<(), DbError> {
        Ok(self.execute_batch(sql)?)
    }

    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Value::Int(Some(x)) => ToSqlOutput::Borrowed(ValueRef::Integer(*x)),
            Value::Real(Some(x)) => ToSqlOutput::Borrowed(ValueRef::Real(*x)),
            Value::Text(Some(s)) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            _ => ToSqlOutput::Borrowed(ValueRef::Null),
        })
    }
}

/// `?1`, `?2`, ... as PostgreSQL writes them: `$1`, `$2`, ...
pub(crate) fn dollar_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_dollars() {
        assert_eq!(
            dollar_placeholders("SELECT a FROM t WHERE b = ?1 AND c > ?12 AND d = '?'"),
            "SELECT a FROM t WHERE b = $1 AND c > $12 AND d = '?'"
        );
    }

    #[test]
    fn sqlite_rows_and_typed_nulls() {
        let c = rusqlite::Connection::open_in_memory().unwrap();
        c.batch("CREATE TABLE t(a INTEGER, b REAL, c TEXT)")
            .unwrap();
        Sql::execute(
            &c,
            "INSERT INTO t VALUES (?1, ?2, ?3)",
            params![Some(3i64), None::<f64>, &Some("x".to_string())],
        )
        .unwrap();
        let r = c.one("SELECT a, b, c FROM t", &[]).unwrap();
        assert_eq!(r.int(0).unwrap(), 3);
        assert_eq!(r.opt_real(1).unwrap(), None);
        assert_eq!(r.text(2).unwrap(), "x");
        assert_eq!(c.count_tables(Some("t")).unwrap(), 1);
    }
}
