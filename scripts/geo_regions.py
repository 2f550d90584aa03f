"""First-level regions for regions.tsv: ISO 3166-2 top-level subdivisions (codes and list
from pycountry; facts only), named as English-language news names them.

OVERRIDES: ISO 3166-2 code -> (news name, aliases, lat, lon). Written by hand.
"""

import os
import re
import sys

O = {
    # Syria (governorates)
    "SY-HA": ("Hasakah", "Al-Hasakah|Hasaka|Al-Hasakeh", 36.5, 40.75),
    "SY-DR": ("Daraa", "Deraa|Dara'a", 32.75, 36.25),
    "SY-HL": ("Aleppo", "Halab", 36.2, 37.5),
    "SY-ID": ("Idlib", "Idleb", 35.8, 36.6),
    "SY-QU": ("Quneitra", "Al-Qunaytirah|Qunaitra", 33.1, 35.85),
    "SY-RD": ("Rif Dimashq", "Damascus countryside|Rural Damascus|Rif Dimashq Governorate", 33.5, 36.7),
    "SY-TA": ("Tartus", "Tartous", 34.9, 36.0),
    "SY-DI": ("Damascus Governorate", "", 33.51, 36.29),
    "SY-DY": ("Deir ez-Zor", "Deir al-Zor|Dayr az-Zawr|Deir Ezzor", 35.0, 40.5),
    "SY-HI": ("Homs", "Hims", 34.5, 38.0),
    "SY-HM": ("Hama", "Hamah", 35.2, 36.9),
    "SY-LA": ("Latakia", "Lattakia|Al-Ladhiqiyah", 35.6, 36.0),
    "SY-RA": ("Raqqa", "Raqqah|Ar-Raqqah|Al-Raqqa", 35.9, 38.9),
    "SY-SU": ("Suwayda", "Sweida|As-Suwayda|Suweida|Sweida", 32.7, 36.6),
    # Iraq
    "IQ-NA": ("Najaf", "", 31.0, 43.8), "IQ-DI": ("Diyala", "", 33.9, 45.0),
    "IQ-NI": ("Nineveh", "Ninawa|Nineveh Governorate", 36.2, 42.6),
    "IQ-DQ": ("Dhi Qar", "", 31.1, 46.2), "IQ-QA": ("Qadisiyah", "Al-Qadisiyah|Diwaniyah", 31.9, 45.0),
    "IQ-AN": ("Anbar", "Al-Anbar", 33.0, 42.0), "IQ-KA": ("Karbala Governorate", "", 32.6, 43.7),
    "IQ-SD": ("Salahuddin", "Salah al-Din|Salah ad Din|Saladin", 34.5, 43.5),
    "IQ-BG": ("Baghdad Governorate", "", 33.3, 44.4), "IQ-KI": ("Kirkuk", "Tamim", 35.4, 44.2),
    "IQ-BA": ("Basra Governorate", "", 30.5, 47.6),
    "IQ-KR": ("Kurdistan Region", "Iraqi Kurdistan|Kurdistan Region of Iraq|KRI", 36.2, 44.0),
    "IQ-WA": ("Wasit", "", 32.6, 45.8), "IQ-BB": ("Babil", "Babylon", 32.5, 44.5),
    "IQ-MA": ("Maysan", "", 31.9, 47.1), "IQ-MU": ("Muthanna", "Al-Muthanna", 30.4, 45.4),
    "IQ-AR": ("Erbil Governorate", "", 36.2, 44.0), "IQ-DA": ("Duhok Governorate", "", 36.9, 43.0),
    "IQ-SU": ("Sulaymaniyah Governorate", "", 35.5, 45.4),
    # Yemen
    "YE-AM": ("Amran", "", 16.0, 43.9), "YE-JA": ("Al-Jawf", "Jawf", 16.6, 45.5),
    "YE-SH": ("Shabwa", "Shabwah", 14.5, 46.8), "YE-BA": ("Al-Bayda", "Bayda", 14.2, 45.4),
    "YE-LA": ("Lahj", "Lahij", 13.1, 44.9), "YE-SN": ("Sanaa Governorate", "", 15.4, 44.3),
    "YE-DA": ("Al-Dhale", "Dhale|Ad Dali'", 13.7, 44.7), "YE-MA": ("Marib", "Ma'rib", 15.5, 45.3),
    "YE-SU": ("Socotra", "Soqotra|Suqutra", 12.5, 53.8), "YE-DH": ("Dhamar", "", 14.6, 44.4),
    "YE-MR": ("Al-Mahra", "Mahra|Al Mahrah", 16.5, 51.5), "YE-TA": ("Taiz Governorate", "", 13.6, 44.0),
    "YE-HD": ("Hadramawt", "Hadramout|Hadhramaut|Hadramaut", 16.0, 49.0),
    "YE-MW": ("Al-Mahwit", "Mahwit", 15.5, 43.5), "YE-HJ": ("Hajjah", "Hajja", 16.1, 43.3),
    "YE-RA": ("Raymah", "Raima", 14.7, 43.6), "YE-AB": ("Abyan", "", 13.6, 46.0),
    "YE-HU": ("Hodeidah Governorate", "Hudaydah Governorate", 14.8, 43.1),
    "YE-SA": ("Amanat al-Asimah", "Sanaa City", 15.35, 44.2),
    "YE-AD": ("Aden Governorate", "", 12.8, 45.0), "YE-IB": ("Ibb", "", 14.0, 44.2),
    "YE-SD": ("Saada", "Sa'ada|Sa'dah|Saadah", 17.0, 43.8),
    # Ukraine
    "UA-09": ("Luhansk Oblast", "Luhansk region|Lugansk region", 48.9, 39.0),
    "UA-32": ("Kyiv Oblast", "Kyiv region|Kiev region", 50.3, 30.5),
    "UA-56": ("Rivne Oblast", "Rivne region", 50.9, 26.3),
    "UA-77": ("Chernivtsi Oblast", "Chernivtsi region", 48.3, 25.9),
    "UA-12": ("Dnipropetrovsk Oblast", "Dnipropetrovsk region", 48.5, 35.0),
    "UA-35": ("Kirovohrad Oblast", "Kirovohrad region", 48.5, 32.3),
    "UA-59": ("Sumy Oblast", "Sumy region", 50.9, 34.8),
    "UA-14": ("Donetsk Oblast", "Donetsk region", 48.0, 37.8),
    "UA-40": ("Sevastopol City", "", 44.6, 33.5),
    "UA-61": ("Ternopil Oblast", "Ternopil region", 49.55, 25.6),
    "UA-18": ("Zhytomyr Oblast", "Zhytomyr region", 50.25, 28.65),
    "UA-43": ("Autonomous Republic of Crimea", "", 45.3, 34.4),
    "UA-63": ("Kharkiv Oblast", "Kharkiv region|Kharkov region", 49.6, 36.4),
    "UA-21": ("Zakarpattia Oblast", "Transcarpathia|Zakarpattia", 48.4, 23.0),
    "UA-46": ("Lviv Oblast", "Lviv region", 49.8, 24.0),
    "UA-65": ("Kherson Oblast", "Kherson region", 46.6, 33.4),
    "UA-23": ("Zaporizhzhia Oblast", "Zaporizhzhia region|Zaporozhye region|Zaporizhia region", 47.5, 35.8),
    "UA-48": ("Mykolaiv Oblast", "Mykolaiv region", 47.3, 32.0),
    "UA-68": ("Khmelnytskyi Oblast", "Khmelnytskyi region", 49.4, 27.0),
    "UA-07": ("Volyn Oblast", "Volyn region|Volhynia", 51.2, 25.0),
    "UA-05": ("Vinnytsia Oblast", "Vinnytsia region", 49.2, 28.5),
    "UA-26": ("Ivano-Frankivsk Oblast", "Ivano-Frankivsk region", 48.9, 24.7),
    "UA-51": ("Odesa Oblast", "Odesa region|Odessa region", 46.5, 30.0),
    "UA-53": ("Poltava Oblast", "Poltava region", 49.6, 34.0),
    "UA-71": ("Cherkasy Oblast", "Cherkasy region", 49.4, 31.5),
    "UA-74": ("Chernihiv Oblast", "Chernihiv region", 51.5, 32.0),
    "UA-30": ("Kyiv City", "", 50.45, 30.52),
    # Russia (those news names most)
    "RU-BEL": ("Belgorod Oblast", "Belgorod region", 50.7, 37.0),
    "RU-KRS": ("Kursk Oblast", "Kursk region", 51.7, 36.2),
    "RU-BRY": ("Bryansk Oblast", "Bryansk region", 53.0, 33.5),
    "RU-ROS": ("Rostov Oblast", "Rostov region", 47.7, 41.0),
    "RU-KDA": ("Krasnodar Krai", "Krasnodar region|Kuban", 45.3, 39.0),
    "RU-CE": ("Chechnya", "Chechen Republic|Chechnia", 43.4, 45.7),
    "RU-DA": ("Dagestan", "Republic of Dagestan|Daghestan", 42.9, 47.0),
    "RU-IN": ("Ingushetia", "Republic of Ingushetia", 43.2, 44.9),
    "RU-SE": ("North Ossetia", "North Ossetia-Alania", 43.0, 44.4),
    "RU-KB": ("Kabardino-Balkaria", "", 43.5, 43.4),
    "RU-KC": ("Karachay-Cherkessia", "", 43.8, 41.8),
    "RU-KGD": ("Kaliningrad Oblast", "Kaliningrad region", 54.7, 21.5),
    "RU-LEN": ("Leningrad Oblast", "Leningrad region", 59.8, 31.0),
    "RU-SPE": ("Saint Petersburg City", "", 59.94, 30.31),
    "RU-MOW": ("Moscow City", "", 55.75, 37.62),
    "RU-MOS": ("Moscow Oblast", "Moscow region", 55.6, 37.5),
    "RU-VGG": ("Volgograd Oblast", "Volgograd region", 49.6, 44.0),
    "RU-VOR": ("Voronezh Oblast", "Voronezh region", 51.0, 40.0),
    "RU-TA": ("Tatarstan", "Republic of Tatarstan", 55.5, 50.5),
    "RU-BA": ("Bashkortostan", "Bashkiria", 54.0, 56.0),
    "RU-SA": ("Yakutia", "Sakha Republic|Sakha", 66.0, 129.0),
    "RU-PRI": ("Primorsky Krai", "Primorye", 45.0, 134.5),
    "RU-SAR": ("Saratov Oblast", "Saratov region", 51.5, 46.0),
    "RU-PSK": ("Pskov Oblast", "Pskov region", 57.5, 29.0),
    "RU-SMO": ("Smolensk Oblast", "Smolensk region", 54.8, 32.5),
    "RU-TVE": ("Tver Oblast", "Tver region", 57.0, 35.0),
    "RU-NIZ": ("Nizhny Novgorod Oblast", "Nizhny Novgorod region", 56.3, 44.0),
    "RU-MUR": ("Murmansk Oblast", "Murmansk region", 68.0, 35.0),
    "RU-BU": ("Buryatia", "Republic of Buryatia", 52.5, 109.0),
    "RU-TY": ("Tuva", "Tyva", 51.5, 94.5),
    "RU-CHE": ("Chelyabinsk Oblast", "Chelyabinsk region", 54.5, 61.0),
    "RU-SVE": ("Sverdlovsk Oblast", "Sverdlovsk region", 58.5, 61.5),
    "RU-NVS": ("Novosibirsk Oblast", "Novosibirsk region", 55.0, 79.0),
    "RU-KHA": ("Khabarovsk Krai", "", 51.5, 135.0),
    "RU-STA": ("Stavropol Krai", "", 45.0, 43.0),
    # Sudan, South Sudan
    "SD-NO": ("Northern State", "", 19.0, 30.5), "SD-GZ": ("Gezira", "Al-Jazirah|El Gezira|Al Jazirah", 14.5, 33.2),
    "SD-GD": ("Gedaref State", "Al-Qadarif State", 14.0, 35.4),
    "SD-KH": ("Khartoum State", "", 15.6, 32.5), "SD-KA": ("Kassala State", "", 15.5, 36.0),
    "SD-RS": ("Red Sea State", "", 19.5, 36.5), "SD-SI": ("Sennar State", "Sinnar", 13.2, 33.9),
    "SS-UY": ("Unity State", "", 8.9, 29.8), "SS-LK": ("Lakes State", "", 6.8, 29.7),
    # Libya
    "LY-BA": ("Benghazi District", "", 32.1, 20.1), "LY-TB": ("Tripoli District", "", 32.9, 13.2),
    "LY-MI": ("Misrata District", "", 32.4, 15.1), "LY-SR": ("Sirte District", "", 31.2, 16.6),
    "LY-DR": ("Derna District", "", 32.8, 22.6), "LY-KF": ("Kufra", "Al-Kufra", 24.2, 23.3),
    "LY-JA": ("Jabal al-Akhdar", "Green Mountain", 32.5, 21.8),
    "LY-JG": ("Jabal al-Gharbi", "Nafusa Mountains", 31.5, 12.0),
    "LY-SB": ("Sabha District", "", 27.0, 14.4), "LY-MQ": ("Murzuq", "", 25.9, 13.9),
    "LY-ZA": ("Zawiya District", "", 32.75, 12.7), "LY-JU": ("Jufra", "Al-Jufra", 29.1, 16.0),
    "LY-MJ": ("Marj District", "", 32.5, 20.8), "LY-BU": ("Butnan", "Al-Butnan", 31.8, 24.0),
    "LY-MB": ("Murqub", "Al-Murqub", 32.5, 14.2), "LY-JI": ("Jafara", "Al-Jafara", 32.5, 13.0),
    "LY-NQ": ("Nuqat al-Khams", "", 32.7, 12.0),
    # Lebanon, Palestine, Israel, Jordan
    "LB-AK": ("Akkar", "", 34.5, 36.2), "LB-AS": ("North Governorate", "North Lebanon", 34.4, 35.9),
    "LB-BA": ("Beirut Governorate", "", 33.89, 35.5),
    "LB-BH": ("Baalbek-Hermel", "Baalbek-Hermel Governorate", 34.2, 36.4),
    "LB-BI": ("Beqaa", "Bekaa|Beqaa Valley|Bekaa Valley|Beqaa Governorate", 33.85, 35.9),
    "LB-JA": ("South Lebanon", "South Governorate", 33.3, 35.4),
    "LB-JL": ("Mount Lebanon", "Mount Lebanon Governorate", 33.8, 35.6),
    "LB-NA": ("Nabatieh Governorate", "", 33.4, 35.5),
    "PS-GZA": ("Gaza Governorate", "", 31.5, 34.45), "PS-NGZ": ("North Gaza Governorate", "", 31.55, 34.5),
    "PS-DEB": ("Deir al-Balah Governorate", "", 31.4, 34.35), "PS-KYS": ("Khan Younis Governorate", "", 31.35, 34.3),
    "PS-RFH": ("Rafah Governorate", "", 31.28, 34.25), "PS-JEM": ("Jerusalem Governorate", "", 31.8, 35.25),
    "PS-HBN": ("Hebron Governorate", "", 31.5, 35.1), "PS-BTH": ("Bethlehem Governorate", "", 31.7, 35.2),
    "PS-JEN": ("Jenin Governorate", "", 32.45, 35.3), "PS-JRH": ("Jericho Governorate", "", 31.85, 35.45),
    "PS-NBS": ("Nablus Governorate", "", 32.2, 35.25), "PS-QQA": ("Qalqilya Governorate", "", 32.2, 35.0),
    "PS-RBH": ("Ramallah and al-Bireh Governorate", "", 31.95, 35.2),
    "PS-SLT": ("Salfit Governorate", "", 32.1, 35.15), "PS-TBS": ("Tubas Governorate", "", 32.3, 35.4),
    "PS-TKM": ("Tulkarm Governorate", "", 32.3, 35.1),
    "IL-D": ("Southern District", "", 30.8, 34.9), "IL-HA": ("Haifa District", "", 32.6, 35.0),
    "IL-JM": ("Jerusalem District", "", 31.8, 35.1), "IL-M": ("Central District", "", 32.0, 34.9),
    "IL-TA": ("Tel Aviv District", "", 32.07, 34.8), "IL-Z": ("Northern District", "", 32.9, 35.4),
    "JO-AJ": ("Ajloun", "", 32.3, 35.7), "JO-AM": ("Amman Governorate", "", 31.9, 36.2),
    "JO-AQ": ("Aqaba Governorate", "", 29.8, 35.2), "JO-AT": ("Tafilah", "", 30.8, 35.6),
    "JO-AZ": ("Zarqa Governorate", "", 32.1, 36.5), "JO-BA": ("Balqa", "", 32.0, 35.7),
    "JO-KA": ("Karak", "Kerak", 31.2, 35.7), "JO-MA": ("Mafraq", "", 32.3, 37.5),
    "JO-MD": ("Madaba", "", 31.7, 35.8), "JO-MN": ("Maan", "Ma'an", 30.2, 36.0),
    # Gulf, Egypt
    "AE-AJ": ("Ajman", "", 25.4, 55.5), "AE-AZ": ("Abu Dhabi Emirate", "", 23.5, 54.0),
    "AE-DU": ("Dubai Emirate", "", 25.1, 55.3), "AE-FU": ("Fujairah", "Fujairah Emirate", 25.4, 56.3),
    "AE-RK": ("Ras al-Khaimah", "Ras Al Khaimah", 25.7, 56.0), "AE-SH": ("Sharjah Emirate", "", 25.3, 55.5),
    "AE-UQ": ("Umm al-Quwain", "Umm Al Quwain", 25.5, 55.7),
    "SA-01": ("Riyadh Province", "", 24.0, 46.0), "SA-02": ("Makkah Province", "Mecca Province", 21.5, 40.5),
    "SA-03": ("Madinah Province", "Medina Province", 24.5, 39.5),
    "SA-04": ("Eastern Province", "Ash Sharqiyah", 23.0, 50.0), "SA-05": ("Qassim", "Al-Qassim", 26.2, 43.5),
    "SA-06": ("Hail Province", "Ha'il", 27.0, 42.0), "SA-07": ("Tabuk Province", "", 28.0, 37.0),
    "SA-08": ("Northern Borders", "", 30.0, 42.0), "SA-09": ("Jazan", "Jizan", 17.0, 42.8),
    "SA-10": ("Najran", "", 18.0, 46.0), "SA-11": ("Al-Bahah", "Baha", 20.0, 41.5),
    "SA-12": ("Al-Jawf Province", "", 30.0, 39.5), "SA-14": ("Asir", "Aseer", 19.0, 43.0),
    "EG-JS": ("South Sinai", "", 28.5, 33.9), "EG-SIN": ("North Sinai", "", 30.6, 33.6),
    "EG-C": ("Cairo Governorate", "", 30.05, 31.25), "EG-ALX": ("Alexandria Governorate", "", 31.0, 29.9),
    "EG-GZ": ("Giza Governorate", "", 29.5, 30.5), "EG-BA": ("Red Sea Governorate", "", 25.0, 34.0),
    "EG-SUZ": ("Suez Governorate", "", 29.97, 32.5), "EG-PTS": ("Port Said Governorate", "", 31.26, 32.3),
    "EG-IS": ("Ismailia Governorate", "", 30.6, 32.27), "EG-MT": ("Matrouh", "Marsa Matrouh Governorate", 30.5, 27.0),
    "EG-WAD": ("New Valley", "", 25.0, 29.0), "EG-LX": ("Luxor Governorate", "", 25.7, 32.6),
    "EG-ASN": ("Aswan Governorate", "", 23.5, 32.5),
    # Iran
    "IR-00": ("Markazi", "", 34.5, 49.8), "IR-01": ("Gilan", "", 37.3, 49.5), "IR-02": ("Mazandaran", "", 36.2, 52.4),
    "IR-03": ("East Azerbaijan", "", 38.0, 46.3), "IR-04": ("West Azerbaijan", "", 37.5, 45.0),
    "IR-05": ("Kermanshah Province", "", 34.3, 46.4), "IR-06": ("Khuzestan", "", 31.3, 49.0),
    "IR-07": ("Fars", "Fars Province", 29.5, 53.0), "IR-08": ("Kerman Province", "", 29.5, 57.0),
    "IR-09": ("Razavi Khorasan", "Khorasan Razavi", 35.5, 59.0),
    "IR-10": ("Isfahan Province", "", 32.7, 51.7),
    "IR-11": ("Sistan and Baluchestan", "Sistan-Baluchestan|Sistan-Baluchistan", 28.0, 61.0),
    "IR-12": ("Kurdistan Province", "Iranian Kurdistan", 35.5, 47.0), "IR-13": ("Hamadan Province", "", 34.8, 48.5),
    "IR-14": ("Chaharmahal and Bakhtiari", "", 32.0, 50.5), "IR-15": ("Lorestan", "", 33.5, 48.3),
    "IR-16": ("Ilam Province", "", 33.3, 46.8), "IR-17": ("Kohgiluyeh and Boyer-Ahmad", "", 30.7, 50.8),
    "IR-18": ("Bushehr Province", "", 28.5, 51.5), "IR-19": ("Zanjan Province", "", 36.5, 48.5),
    "IR-20": ("Semnan Province", "", 35.5, 54.0), "IR-21": ("Yazd Province", "", 32.0, 55.0),
    "IR-22": ("Hormozgan", "", 27.2, 56.3), "IR-23": ("Tehran Province", "", 35.6, 51.4),
    "IR-24": ("Ardabil Province", "", 38.3, 48.0), "IR-25": ("Qom Province", "", 34.6, 50.9),
    "IR-26": ("Qazvin Province", "", 36.0, 50.0), "IR-27": ("Golestan", "", 37.3, 55.0),
    "IR-28": ("North Khorasan", "", 37.5, 57.3), "IR-29": ("South Khorasan", "", 33.0, 59.0),
    "IR-30": ("Alborz", "Alborz Province", 36.0, 50.8),
    # Pakistan, India, Afghanistan
    "PK-BA": ("Balochistan", "Baluchistan", 28.5, 65.0),
    "PK-KP": ("Khyber Pakhtunkhwa", "KP|KPK|North-West Frontier Province", 34.5, 72.0),
    "PK-JK": ("Azad Kashmir", "Azad Jammu and Kashmir|Pakistan-administered Kashmir|AJK", 34.0, 73.8),
    "PK-GB": ("Gilgit-Baltistan", "", 35.8, 74.9), "PK-PB": ("Punjab", "", 31.0, 72.5),
    "PK-SD": ("Sindh", "", 26.0, 68.8), "PK-IS": ("Islamabad Capital Territory", "", 33.7, 73.1),
    "IN-JK": ("Jammu and Kashmir", "Indian-administered Kashmir", 33.5, 75.0),
    "IN-PB": ("Punjab", "", 31.0, 75.5), "IN-DL": ("Delhi", "National Capital Territory of Delhi", 28.6, 77.2),
    "AF-HEL": ("Helmand", "", 31.0, 64.0), "AF-KAN": ("Kandahar Province", "", 31.0, 65.5),
    "AF-KAB": ("Kabul Province", "", 34.5, 69.2), "AF-HER": ("Herat Province", "", 34.5, 62.0),
    "AF-NAN": ("Nangarhar", "", 34.2, 70.5), "AF-PAN": ("Panjshir", "Panjshir Valley|Panjsher", 35.3, 69.7),
    "AF-BAL": ("Balkh", "", 36.7, 67.0), "AF-KDZ": ("Kunduz Province", "", 36.7, 68.8),
    "AF-KNR": ("Kunar", "Konar", 34.9, 71.1), "AF-KHO": ("Khost Province", "", 33.3, 69.9),
    "AF-GHA": ("Ghazni Province", "", 33.0, 68.0), "AF-PIA": ("Paktia", "Paktiya", 33.6, 69.4),
    "AF-PKA": ("Paktika", "", 32.3, 68.7), "AF-BDS": ("Badakhshan", "", 37.0, 71.5),
    "AF-BAM": ("Bamiyan", "Bamyan", 34.8, 67.5), "AF-WAR": ("Wardak", "Maidan Wardak", 34.3, 68.3),
    "AF-ZAB": ("Zabul", "", 32.2, 67.2), "AF-URU": ("Uruzgan", "Oruzgan", 32.9, 66.0),
    "AF-FRA": ("Farah", "", 32.5, 62.5), "AF-NIM": ("Nimroz", "", 30.5, 62.0),
    # Ethiopia, Somalia, DR Congo, Mozambique
    "ET-TI": ("Tigray", "Tigrai", 14.0, 38.8), "ET-AM": ("Amhara", "Amhara Region", 11.5, 38.0),
    "ET-AF": ("Afar", "Afar Region", 12.0, 41.0), "ET-OR": ("Oromia", "Oromiya", 8.0, 39.0),
    "ET-SO": ("Somali Region", "", 6.5, 43.5), "ET-BE": ("Benishangul-Gumuz", "", 10.5, 35.5),
    "ET-GA": ("Gambela", "Gambella", 7.9, 34.4), "ET-AA": ("Addis Ababa City", "", 9.0, 38.75),
    "ET-SN": ("Southern Nations, Nationalities, and Peoples' Region", "SNNPR", 6.5, 37.0),
    "SO-BN": ("Banadir", "Benadir", 2.05, 45.33), "SO-JH": ("Lower Juba", "Jubbada Hoose", -0.5, 42.0),
    "SO-JD": ("Middle Juba", "Jubbada Dhexe", 1.0, 42.5), "SO-SH": ("Lower Shabelle", "Shabeellaha Hoose", 1.8, 44.4),
    "SO-SD": ("Middle Shabelle", "Shabeellaha Dhexe", 2.8, 45.5), "SO-HI": ("Hiran", "Hiiraan", 4.3, 45.3),
    "SO-BY": ("Bay Region", "", 2.5, 43.5), "SO-BK": ("Bakool", "", 4.3, 43.8),
    "SO-GE": ("Gedo", "", 3.0, 42.0), "SO-MU": ("Mudug", "", 6.5, 47.5), "SO-GA": ("Galgaduud", "Galguduud", 5.0, 46.5),
    "CD-NK": ("North Kivu", "Nord-Kivu", -0.8, 29.0), "CD-SK": ("South Kivu", "Sud-Kivu", -3.0, 28.3),
    "CD-IT": ("Ituri", "Ituri Province", 1.6, 29.9), "CD-HK": ("Haut-Katanga", "", -11.0, 27.5),
    "CD-KN": ("Kinshasa Province", "", -4.4, 15.4), "CD-TA": ("Tanganyika Province", "", -6.5, 28.0),
    "CD-HU": ("Haut-Uele", "Haut-Uélé", 3.5, 28.5), "CD-BU": ("Bas-Uele", "Bas-Uélé", 3.5, 25.0),
    "MZ-P": ("Cabo Delgado", "Cape Delgado", -12.3, 39.5), "MZ-G": ("Gaza Province", "", -23.0, 33.0),
    "MZ-L": ("Maputo Province", "", -25.5, 32.5), "MZ-MPM": ("Maputo City", "", -25.97, 32.57),
    # Myanmar
    "MM-16": ("Rakhine State", "Rakhine|Arakan", 20.0, 93.5), "MM-17": ("Shan State", "", 21.5, 98.0),
    "MM-11": ("Kachin State", "", 26.0, 97.5), "MM-12": ("Karenni State", "Kayah State|Karenni", 19.3, 97.3),
    "MM-13": ("Karen State", "Kayin State", 17.0, 97.8), "MM-14": ("Chin State", "", 22.0, 93.5),
    "MM-15": ("Mon State", "", 16.3, 97.7), "MM-01": ("Sagaing Region", "", 24.0, 95.0),
    "MM-02": ("Bago Region", "", 18.0, 96.0), "MM-03": ("Magway Region", "", 20.0, 94.6),
    "MM-04": ("Mandalay Region", "", 21.5, 96.0), "MM-05": ("Tanintharyi Region", "", 12.5, 98.9),
    "MM-06": ("Yangon Region", "", 16.9, 96.2), "MM-07": ("Ayeyarwady Region", "Irrawaddy Region", 17.0, 95.0),
    "MM-18": ("Naypyidaw Union Territory", "", 19.75, 96.1),
    # Sahel, Nigeria
    "ML-6": ("Timbuktu Region", "Tombouctou Region", 19.0, -2.0), "ML-8": ("Kidal Region", "", 19.5, 1.0),
    "ML-7": ("Gao Region", "", 16.5, 0.5), "ML-5": ("Mopti Region", "", 14.5, -3.5), "ML-9": ("Menaka Region", "", 15.9, 2.4),
    "ML-BKO": ("Bamako District", "", 12.65, -8.0),
    "BF-12": ("Sahel Region", "", 14.0, -0.5), "BF-10": ("Nord Region", "", 13.5, -2.3),
    "BF-08": ("Est Region", "", 12.0, 0.8), "BF-03": ("Centre Region", "", 12.37, -1.52),
    "NE-6": ("Tillaberi", "Tillabéri", 14.5, 1.5), "NE-2": ("Diffa", "", 14.5, 12.5), "NE-8": ("Niamey Capital District", "", 13.5, 2.1),
    "NE-1": ("Agadez Region", "", 18.0, 9.0), "NE-5": ("Tahoua Region", "", 15.5, 5.0),
    "NG-BO": ("Borno", "Borno State", 11.5, 13.0), "NG-YO": ("Yobe", "Yobe State", 12.0, 11.5),
    "NG-AD": ("Adamawa", "Adamawa State", 9.3, 12.4), "NG-ZA": ("Zamfara", "Zamfara State", 12.1, 6.2),
    "NG-KT": ("Katsina State", "", 12.5, 7.5), "NG-NI": ("Niger State", "", 10.0, 5.6),
    "NG-PL": ("Plateau State", "", 9.2, 9.5), "NG-DE": ("Delta State", "", 5.7, 6.0),
    "NG-RI": ("Rivers State", "", 4.8, 6.9), "NG-FC": ("Federal Capital Territory", "", 9.0, 7.3),
    "NG-LA": ("Lagos State", "", 6.55, 3.6), "NG-KN": ("Kano State", "", 11.8, 8.5),
    "NG-KD": ("Kaduna State", "", 10.4, 7.7), "NG-BE": ("Benue State", "", 7.3, 8.7),
    "NG-SO": ("Sokoto State", "", 13.0, 5.2), "NG-KE": ("Kebbi State", "", 11.5, 4.2),
    "NG-EN": ("Enugu State", "", 6.5, 7.4), "NG-IM": ("Imo State", "", 5.5, 7.0),
    "NG-OY": ("Oyo State", "", 8.1, 3.6), "NG-ED": ("Edo State", "", 6.5, 6.0),
    "TD-LC": ("Lac Province", "Lake Province", 13.5, 14.5), "TD-ND": ("N'Djamena Region", "", 12.1, 15.05),
    # Caucasus, Cyprus, Moldova
    "AZ-XA": ("Khankendi", "Stepanakert", 39.82, 46.75), "AZ-SUS": ("Shusha", "Shushi", 39.76, 46.75),
    "AZ-LAC": ("Lachin District", "", 39.6, 46.5), "AZ-KAL": ("Kalbajar", "Kelbajar", 40.1, 46.0),
    "AZ-AGM": ("Aghdam District", "", 39.99, 46.93), "AZ-NX": ("Nakhchivan", "Nakhichevan", 39.3, 45.4),
    "AZ-BA": ("Baku City", "", 40.4, 49.9),
    "GE-AJ": ("Adjara", "Ajaria", 41.6, 42.0), "GE-TB": ("Tbilisi City", "", 41.7, 44.8),
    "MD-GA": ("Gagauzia", "", 46.3, 28.7), "MD-BD": ("Bender Municipality", "", 46.83, 29.48),
    "MD-CU": ("Chisinau Municipality", "", 47.0, 28.86),
    "CY-01": ("Nicosia District", "", 35.1, 33.3), "CY-02": ("Limassol District", "", 34.8, 33.0),
    "CY-03": ("Larnaca District", "", 34.95, 33.5), "CY-04": ("Famagusta District", "", 35.1, 33.9),
    "CY-05": ("Paphos District", "", 34.9, 32.5), "CY-06": ("Kyrenia District", "", 35.3, 33.3),
    # UK, France, China, Mexico, Spain, Canada
    "GB-WLS": ("Wales", "Cymru", 52.3, -3.7), "GB-ENG": ("England", "", 52.5, -1.5),
    "GB-NIR": ("Northern Ireland", "", 54.6, -6.7), "GB-SCT": ("Scotland", "", 56.8, -4.2),
    "FR-BRE": ("Brittany", "Bretagne", 48.2, -2.9), "FR-NOR": ("Normandy", "Normandie", 49.1, 0.1),
    "FR-20R": ("Corsica", "Corse", 42.1, 9.1), "FR-IDF": ("Ile-de-France", "Île-de-France", 48.7, 2.5),
    "FR-PAC": ("Provence-Alpes-Cote d'Azur", "Provence-Alpes-Côte d'Azur|PACA", 43.9, 6.1),
    "FR-GES": ("Grand Est", "Grand-Est", 48.7, 5.6), "FR-NAQ": ("Nouvelle-Aquitaine", "", 45.2, 0.2),
    "FR-OCC": ("Occitanie", "Occitania", 43.7, 2.2), "FR-HDF": ("Hauts-de-France", "", 50.0, 2.8),
    "FR-ARA": ("Auvergne-Rhone-Alpes", "Auvergne-Rhône-Alpes", 45.4, 4.5),
    "FR-BFC": ("Bourgogne-Franche-Comte", "Bourgogne-Franche-Comté|Burgundy-Franche-Comte", 47.2, 4.8),
    "FR-CVL": ("Centre-Val de Loire", "", 47.5, 1.7), "FR-PDL": ("Pays de la Loire", "Pays-de-la-Loire", 47.5, -0.8),
    "CN-XJ": ("Xinjiang", "Xinjiang Uyghur Autonomous Region|East Turkestan", 41.0, 85.0),
    "CN-XZ": ("Tibet", "Tibet Autonomous Region|Xizang", 31.5, 88.0),
    "CN-NM": ("Inner Mongolia", "Nei Mongol", 44.0, 113.0), "CN-GX": ("Guangxi", "", 23.8, 108.8),
    "CN-NX": ("Ningxia", "", 37.3, 106.2), "CN-BJ": ("Beijing Municipality", "", 40.2, 116.4),
    "CN-SH": ("Shanghai Municipality", "", 31.2, 121.5), "CN-TJ": ("Tianjin Municipality", "", 39.3, 117.3),
    "CN-CQ": ("Chongqing Municipality", "", 29.9, 107.7),
    "MX-MEX": ("State of Mexico", "Estado de Mexico|Edomex", 19.4, -99.6),
    "MX-CMX": ("Mexico City Federal Entity", "", 19.3, -99.15),
    "ES-CT": ("Catalonia", "Catalunya|Cataluña", 41.8, 1.5), "ES-PV": ("Basque Country", "Euskadi|País Vasco", 43.0, -2.6),
    "CA-QC": ("Quebec", "Québec", 52.0, -72.0),
}

SKIP = {"CN-HK", "CN-MO", "CN-TW", "US-PR", "US-GU", "US-AS", "US-VI", "US-MP", "US-UM",
        "GE-AB", "MD-SN", "FR-CP", "FR-MF", "FR-NC", "FR-PF", "FR-PM", "FR-TF", "FR-WF",
        "FR-971", "FR-972", "FR-973", "FR-974", "FR-976", "FR-BL", "NL-AW", "NL-CW", "NL-SX",
        "NL-BQ1", "NL-BQ2", "NL-BQ3", "NO-21", "NO-22", "FI-01", "DK-GL", "CN-XX"}


def clean(name):
    n = re.sub(r"\s*\[.*?\]", "", name)
    n = re.sub(r"\s*\(.*?\)", "", n)
    m = re.match(r"^(.*), (Respublika|Republic of|Unitatea.*|unitatea.*)$", n)
    if m:
        n = m.group(1)
    n = re.sub(r" (Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu)$", "", n)
    n = re.sub(r" (Huizu|Zhuangzu|Uygur)$", "", n)
    n = n.replace("oblast'", "oblast").replace("kray", "kray").strip()
    return n


def gen(a1, lex, write_tsv, fmt, fold, slug, norm, cities):
    import pycountry
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from geo_curated import REGION_GENERIC as COMMON_WORDS
    rows = []
    skipped = []
    # names a local alias must not take: city names in the same country, and names of
    # entities in the hand-made files
    city_names = {(r["cc"], norm(n)) for r in cities for n in [r["name"]] + list(r["aliases"])}
    city_names |= {("*", norm(n)) for r in cities if r["pop"] >= 100000
                   for n in [r["name"]] + list(r["aliases"])}
    taken = set()
    for fn in ("states.tsv", "places.tsv", "organizations.tsv", "institutions.tsv"):
        path = os.path.join(lex, fn)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.startswith("#") or not line.strip():
                        continue
                    p = line.rstrip("\n").split("\t")
                    taken.add(norm(p[2]))
                    if len(p) > 3:
                        taken |= {norm(a) for a in p[3].split("|") if a}
                    if len(p) > 7:
                        for kv in p[7].split(";"):
                            if kv.startswith("demonym="):
                                taken |= {norm(a) for a in kv[8:].split("|")}
    for s in pycountry.subdivisions:
        if s.parent_code is not None or s.code in SKIP:
            continue
        cc = s.country_code
        if s.code in O:
            name, aliases, lat, lon = O[s.code]
            al = [a for a in aliases.split("|") if a]
            local = clean(s.name)
            if norm(local) != norm(name) and norm(local) not in {norm(a) for a in al} \
                    and norm(local) not in COMMON_WORDS and (cc, norm(local)) not in city_names \
                    and ("*", norm(local)) not in city_names \
                    and norm(local) not in taken and re.fullmatch(r"[^\W\d_][\w' .-]*", local):
                al.append(local)
            latlon = (fmt(lat), fmt(lon)) if lat is not None else ("", "")
        else:
            name = clean(s.name)
            al = []
            latlon = ("", "")
            if "," in name:
                name = name.split(",")[0].strip()
            if fold(name) != name and not any(ch in s.name for ch in "ḨḩŢţŞşḐḑẔẕ"):
                pass
            elif fold(name) != name:
                name = fold(name)
        if norm(name) in COMMON_WORDS or len(norm(name)) < 3 or \
                (s.code not in O and re.match(r"(saint|st) ", norm(name))):
            skipped.append((s.code, name))
            continue
        al = [a for a in al if norm(a) not in COMMON_WORDS and norm(a) != norm(name)]
        rid = s.code.lower()
        attrs = "of=" + cc.lower()
        rows.append((rid, "region", name, "|".join(dict.fromkeys(al)), cc, latlon[0], latlon[1], attrs))
    header = (
        "# Regions: first-level administrative divisions (provinces, governorates, states,\n"
        "# oblasts, regions) of every country. id = lowercase ISO 3166-2 code; of = the state.\n"
        "# Sources: the list of ISO 3166-2 codes and subdivision names (facts) as shipped in\n"
        "# pycountry 26.2.16 (iso-codes data, LGPL-2.1); English news names, aliases and\n"
        "# approximate centroids curated by hand for the regions news names most\n"
        "# (scripts/geo_regions.py). Subdivisions named by a bare common word (Central, North,\n"
        "# ...) are left out; so are those that are states in states.tsv (Hong Kong, Abkhazia).\n"
        "# GENERATED by scripts/gen_geo.py: edit scripts/geo_regions.py, not this file.\n"
        "# id\ttype\tname\taliases\tcountry\tlat\tlon\tattrs\n")
    write_tsv(os.path.join(lex, "regions.tsv"), header, rows)
    print("regions:", len(rows), "skipped (common word):", skipped, file=sys.stderr)

# English names for regions whose ISO name is in the local language (code -> name); the
# local name is kept as an alias.
RENAME = {
    "DE-BY": "Bavaria", "DE-HE": "Hesse", "DE-MV": "Mecklenburg-Western Pomerania",
    "DE-NI": "Lower Saxony", "DE-NW": "North Rhine-Westphalia", "DE-RP": "Rhineland-Palatinate",
    "DE-SN": "Saxony", "DE-ST": "Saxony-Anhalt", "DE-TH": "Thuringia", "DE-BE": "Berlin State",
    "DE-HH": "Hamburg State", "DE-HB": "Bremen State",
    "AT-2": "Carinthia", "AT-3": "Lower Austria", "AT-4": "Upper Austria", "AT-6": "Styria",
    "AT-7": "Tyrol", "AT-9": "Vienna State",
    "BE-BRU": "Brussels-Capital Region", "BE-VLG": "Flanders", "BE-WAL": "Wallonia",
    "CH-GE": "Canton of Geneva", "CH-ZH": "Canton of Zurich", "CH-BE": "Canton of Bern",
    "CH-LU": "Canton of Lucerne", "CH-SG": "St. Gallen",
    "CZ-10": "Prague City", "CZ-20": "Central Bohemian Region", "CZ-64": "South Moravian Region",
    "CZ-80": "Moravian-Silesian Region",
    "IT-21": "Piedmont", "IT-23": "Aosta Valley", "IT-25": "Lombardy", "IT-32": "Trentino-South Tyrol",
    "IT-52": "Tuscany", "IT-62": "Lazio", "IT-75": "Apulia", "IT-82": "Sicily", "IT-88": "Sardinia",
    "ES-AN": "Andalusia", "ES-AR": "Aragon", "ES-CL": "Castile and Leon", "ES-CM": "Castilla-La Mancha",
    "ES-CN": "Canary Islands", "ES-IB": "Balearic Islands", "ES-MC": "Region of Murcia",
    "ES-MD": "Community of Madrid", "ES-NC": "Navarre", "ES-VC": "Valencian Community",
    "GR-69": "Mount Athos", "GR-A": "Eastern Macedonia and Thrace", "GR-B": "Central Macedonia",
    "GR-C": "Western Macedonia", "GR-D": "Epirus", "GR-E": "Thessaly", "GR-F": "Ionian Islands",
    "GR-G": "Western Greece", "GR-H": "Central Greece", "GR-I": "Attica", "GR-J": "Peloponnese",
    "GR-K": "North Aegean", "GR-L": "South Aegean", "GR-M": "Crete",
    "PL-02": "Lower Silesia", "PL-12": "Lesser Poland", "PL-14": "Masovia", "PL-18": "Subcarpathia",
    "PL-22": "Pomerania", "PL-24": "Silesia", "PL-28": "Warmia-Masuria", "PL-30": "Greater Poland",
    "PL-32": "West Pomerania", "PL-06": "Lublin Province", "PL-20": "Podlasie",
    "PT-20": "Azores", "PT-30": "Madeira", "PT-11": "Lisbon District",
    "RO-B": "Bucharest Municipality", "NL-FR": "Friesland", "NL-NB": "North Brabant",
    "NL-NH": "North Holland", "NL-ZH": "South Holland", "DK-84": "Capital Region of Denmark",
    "FI-10": "Lapland", "FI-18": "Uusimaa", "SE-AB": "Stockholm County", "SE-M": "Skane",
    "NO-03": "Oslo County", "HU-BU": "Budapest Capital",
    "RU-AD": "Adygea", "RU-AL": "Altai Republic", "RU-ALT": "Altai Krai", "RU-AMU": "Amur Oblast",
    "RU-ARK": "Arkhangelsk Oblast", "RU-AST": "Astrakhan Oblast", "RU-CHU": "Chukotka",
    "RU-CU": "Chuvashia", "RU-IRK": "Irkutsk Oblast", "RU-IVA": "Ivanovo Oblast",
    "RU-KAM": "Kamchatka Krai", "RU-KEM": "Kemerovo Oblast", "RU-KGN": "Kurgan Oblast",
    "RU-KHM": "Khanty-Mansi Autonomous Okrug", "RU-KIR": "Kirov Oblast", "RU-KK": "Khakassia",
    "RU-KL": "Kalmykia", "RU-KLU": "Kaluga Oblast", "RU-KO": "Komi Republic", "RU-KOS": "Kostroma Oblast",
    "RU-KR": "Karelia", "RU-KYA": "Krasnoyarsk Krai", "RU-LIP": "Lipetsk Oblast", "RU-MAG": "Magadan Oblast",
    "RU-ME": "Mari El", "RU-MO": "Mordovia", "RU-NEN": "Nenets Autonomous Okrug",
    "RU-NGR": "Novgorod Oblast", "RU-OMS": "Omsk Oblast", "RU-ORE": "Orenburg Oblast",
    "RU-ORL": "Oryol Oblast", "RU-PER": "Perm Krai", "RU-PNZ": "Penza Oblast", "RU-RYA": "Ryazan Oblast",
    "RU-SAK": "Sakhalin Oblast", "RU-SAM": "Samara Oblast", "RU-TAM": "Tambov Oblast",
    "RU-TOM": "Tomsk Oblast", "RU-TUL": "Tula Oblast", "RU-TYU": "Tyumen Oblast", "RU-UD": "Udmurtia",
    "RU-ULY": "Ulyanovsk Oblast", "RU-VLA": "Vladimir Oblast", "RU-VLG": "Vologda Oblast",
    "RU-YAN": "Yamalo-Nenets Autonomous Okrug", "RU-YAR": "Yaroslavl Oblast",
    "RU-YEV": "Jewish Autonomous Oblast", "RU-ZAB": "Zabaykalsky Krai", "RU-KHA": "Khabarovsk Krai",
    "RU-TA": "Tatarstan", "RU-KAL": "Kaliningrad Oblast",
    "NA-KA": "Karas Region", "CF-HS": "Mambere-Kadei", "KE-05": "Elgeyo-Marakwet", "KE-39": "Taita-Taveta",
    "CN-AH": "Anhui", "IN-BR": "Bihar",
    # ISO names that are also common English words
    "CG-12": "Pool Department", "ME-02": "Bar Municipality", "PG-GPK": "Gulf Province",
    "SI-150": "Bloke Municipality", "SI-158": "Grad Municipality", "TG-M": "Maritime Region",
    "SC-11": "Cascade District", "BJ-MO": "Mono Department", "CO-MET": "Meta Department",
    "LR-BG": "Bong County", "MV-MLE": "Male City", "TM-M": "Mary Region",
    "TR-65": "Van Province", "TR-72": "Batman Province", "HU-PE": "Pest County",
    "JP-41": "Saga Prefecture", "NZ-NSN": "Nelson Region", "DZ-29": "Mascara Province",
    "SR-PR": "Para District", "TH-55": "Nan Province", "RO-AB": "Alba County",
    "UY-FS": "Flores Department", "BR-PA": "Para State", "BJ-PL": "Plateau Department",
}
for _code, _name in RENAME.items():
    O.setdefault(_code, (_name, "", None, None))
