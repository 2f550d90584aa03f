#!/usr/bin/env python3
"""`actorgraph serve` in a real browser (headless Chromium through Selenium).

In: the binary and a graph (the example, with its aliases), as arguments
`test_serve.py BINARY GRAPH` or the environment ACTORGRAPH_BIN and ACTORGRAPH_GRAPH;
scripts/browser-test.sh builds both. Out: one line per step, a closing
`browser: N passed, N failed`, and a screenshot PNG of each step in
$ACTORGRAPH_SCREENSHOTS (default target/browser-screenshots/).

The steps: the page loads; a name typed in the search box draws its neighbourhood; a
click on an edge lists its evidence; a click on a node centres the picture on it (and a
place shows its control timeline); the as-of slider takes the graph back to its first
day; an unknown name gets a suggestion that works; wheel and drag zoom and move the
picture without re-centring it.

Without Selenium, Chromium or chromedriver it prints why and exits 0 (skipped), except
under CI=true, where it fails.
"""

import os
import shutil
import subprocess
import sys
import time


def skip(why):
    if os.environ.get("CI") == "true":
        print(f"browser test cannot run in CI: {why}")
        sys.exit(1)
    print(f"skipped: {why}")
    sys.exit(0)


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.actions.wheel_input import ScrollOrigin
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    skip("selenium is not installed (python3 -m pip install selenium)")

WAIT = 20


def find_browser():
    """Paths of Chromium and chromedriver, or a skip."""
    browser = next(filter(None, map(shutil.which, ["chromium", "chromium-browser", "google-chrome"])), None)
    driver = shutil.which("chromedriver")
    if not browser or not driver:
        skip("chromium or chromedriver not found (apt-get install chromium chromium-driver)")
    return browser, driver


def start_server(binary, graph):
    """`serve --port 0`; returns the process and the URL from its first line."""
    proc = subprocess.Popen(
        [binary, "--graph", graph, "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline().strip()
    prefix = "listening on "
    if not line.startswith(prefix):
        proc.kill()
        raise SystemExit(f"serve printed {line!r}, not '{prefix}URL'")
    return proc, line[len(prefix):]


def open_browser(browser, driver):
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900"]:
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(driver), options=options)


class Steps:
    """The browser, the URL, the screenshot folder and the count of steps passed."""

    def __init__(self, web, url, shots):
        self.web, self.url, self.shots = web, url, shots
        self.passed, self.failed = 0, 0

    def wait(self, condition):
        return WebDriverWait(self.web, WAIT).until(condition)

    def title_is(self, name):
        self.wait(lambda w: w.find_element(By.ID, "title").text.startswith(name + " "))

    def step(self, n, name, run):
        try:
            run()
            self.passed += 1
            print(f"ok {n} {name}")
        except Exception as e:  # a failed step is reported, the others still run
            self.failed += 1
            print(f"FAILED {n} {name}: {type(e).__name__}: {e}")
        path = os.path.join(self.shots, f"{n:02d}-{name}.png")
        self.web.save_screenshot(path)

    def node(self, name):
        """The SVG node whose label is `name`."""
        for g in self.web.find_elements(By.CSS_SELECTOR, "#view g.node"):
            if g.find_element(By.TAG_NAME, "text").text == name:
                return g
        raise AssertionError(f"no node {name!r} in the picture")

    def edge(self, label):
        """The SVG edge whose label is `label`."""
        for g in self.web.find_elements(By.CSS_SELECTOR, "#view g.edge"):
            if any(t.text == label for t in g.find_elements(By.TAG_NAME, "text")):
                return g
        raise AssertionError(f"no edge labelled {label!r} in the picture")

    def search(self, name):
        box = self.web.find_element(By.ID, "q")
        box.clear()
        box.send_keys(name, Keys.ENTER)

    def edge_count(self):
        return len(self.web.find_elements(By.CSS_SELECTOR, "#view g.edge"))

    def view_box(self):
        return self.web.find_element(By.CSS_SELECTOR, "#view svg").get_dom_attribute("viewBox")


def page_loads(s):
    s.web.get(s.url)
    s.wait(EC.presence_of_element_located((By.ID, "q")))
    s.wait(lambda w: "type a name" in w.find_element(By.ID, "message").text)
    assert s.web.find_element(By.ID, "as-of-label").text == "all evidence"


def search_draws(s):
    s.search("HTS")
    s.title_is("Hayat Tahrir al-Sham")
    s.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "#view svg g.node.focus")))
    s.node("Aleppo")
    assert s.edge_count() >= 5, s.edge_count()


def node_recentres(s):
    s.node("Aleppo").click()
    s.title_is("Aleppo")
    s.wait(EC.visibility_of_element_located((By.ID, "timeline")))
    s.wait(lambda w: "Hayat Tahrir al-Sham: since 2024-11-30" in w.find_element(By.ID, "timeline").text)


def edge_evidence(s):
    s.edge("controls (2)").find_element(By.TAG_NAME, "text").click()
    s.wait(EC.visibility_of_element_located((By.CSS_SELECTOR, "#evidence li .sentence")))
    text = s.web.find_element(By.ID, "evidence").text
    assert "By Saturday the insurgents held most of Aleppo" in text, text
    assert "2024-11-30" in text, text
    title = s.web.find_element(By.ID, "evidence-title").text
    assert title == "Hayat Tahrir al-Sham controls Aleppo", title


def trigger_marked(s):
    """Evidence found in text shows its trigger word marked."""
    s.search("Belarus")
    s.wait(lambda w: w.find_element(By.ID, "title").text.startswith("Belarus"))
    s.edge("supports").find_element(By.TAG_NAME, "text").click()
    s.wait(EC.visibility_of_element_located((By.CSS_SELECTOR, "#evidence li .sentence mark")))
    mark = s.web.find_element(By.CSS_SELECTOR, "#evidence li .sentence mark").text
    assert mark == "backs", mark
    sentence = s.web.find_element(By.CSS_SELECTOR, "#evidence li .sentence").text
    assert "Belarus backs Serbia." in sentence, sentence


def as_of_slider(s):
    s.node("Hayat Tahrir al-Sham").click()
    s.title_is("Hayat Tahrir al-Sham")
    s.wait(lambda w: s.edge_count() >= 5)
    before = s.edge_count()
    s.web.find_element(By.ID, "as-of").send_keys(Keys.HOME)
    s.wait(lambda w: "as of 2024-11-27" in w.find_element(By.ID, "message").text)
    assert s.web.find_element(By.ID, "as-of-label").text == "2024-11-27"
    after = s.edge_count()
    assert 0 < after < before, (before, after)
    line = s.web.find_element(By.CSS_SELECTOR, "#edges li")
    assert line.text == "Hayat Tahrir al-Sham opposes Syrian government (1)", line.text
    line.click()
    s.wait(lambda w: "opened a surprise offensive" in w.find_element(By.ID, "evidence").text)


def unknown_name(s):
    s.web.find_element(By.ID, "as-of").send_keys(Keys.END)
    s.wait(lambda w: w.find_element(By.ID, "as-of-label").text == "all evidence")
    s.search("Asad")
    s.wait(lambda w: "no entity 'Asad'" in w.find_element(By.ID, "message").text)
    s.wait(EC.presence_of_element_located((By.LINK_TEXT, "Bashar al-Assad")))


def suggestion(s):
    s.web.find_element(By.LINK_TEXT, "Bashar al-Assad").click()
    s.title_is("Bashar al-Assad")


def pan_and_zoom(s):
    s.search("Damascus")
    s.title_is("Damascus")
    s.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "#view svg g.node.focus")))
    view = s.web.find_element(By.ID, "view")
    start = s.view_box()
    ActionChains(s.web).scroll_from_origin(ScrollOrigin.from_element(view), 0, -300).perform()
    s.wait(lambda w: s.view_box() != start)
    zoomed = s.view_box()
    ActionChains(s.web).move_to_element(view).click_and_hold().move_by_offset(120, 60).release().perform()
    s.wait(lambda w: s.view_box() != zoomed)
    time.sleep(0.5)
    assert s.web.find_element(By.ID, "title").text.startswith("Damascus "), "a drag is no click"
    corner = (15 - view.size["width"] // 2, 15 - view.size["height"] // 2)
    ActionChains(s.web).move_to_element_with_offset(view, *corner).double_click().perform()
    s.wait(lambda w: s.view_box() == start)


def no_console_errors(s):
    # the one error the steps cause on purpose: the 404 for the unknown name
    errors = [
        e["message"]
        for e in s.web.get_log("browser")
        if e["level"] == "SEVERE" and "q=Asad" not in e["message"]
    ]
    assert not errors, errors


def main():
    args = sys.argv[1:]
    binary = args[0] if args else os.environ.get("ACTORGRAPH_BIN")
    graph = args[1] if len(args) > 1 else os.environ.get("ACTORGRAPH_GRAPH")
    if not binary or not graph:
        raise SystemExit("usage: test_serve.py BINARY GRAPH (or ACTORGRAPH_BIN, ACTORGRAPH_GRAPH)")
    browser, driver = find_browser()
    shots = os.environ.get("ACTORGRAPH_SCREENSHOTS", "target/browser-screenshots")
    os.makedirs(shots, exist_ok=True)
    server, url = start_server(binary, graph)
    web = None
    try:
        web = open_browser(browser, driver)
        s = Steps(web, url, shots)
        for n, (name, run) in enumerate(
            [
                ("page", page_loads),
                ("search", search_draws),
                ("evidence", edge_evidence),
                ("recentre", node_recentres),
                ("as-of", as_of_slider),
                ("unknown-name", unknown_name),
                ("suggestion", suggestion),
                ("pan-zoom", pan_and_zoom),
                ("trigger-mark", trigger_marked),
                ("console", no_console_errors),
            ],
            start=1,
        ):
            s.step(n, name, lambda run=run: run(s))
    finally:
        if web is not None:
            web.quit()
        server.kill()
        server.wait()
    print(f"screenshots in {shots}")
    print(f"browser: {s.passed} passed, {s.failed} failed")
    sys.exit(1 if s.failed else 0)


if __name__ == "__main__":
    main()
