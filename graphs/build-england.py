#!/usr/bin/python3
"""
build-england.py - build the two national accountability systems of the English NHS
that researchers compare (PCT era against the 2013 commissioning system):

    england-2012.json   the PCT-era system on 1 April 2012
    england-2013.json   the Health and Social Care Act 2012 system on 1 April 2013

Usage (from the repository root):

    graphs/build-england.py DATA_DIR OUT_DIR
    e.g. graphs/build-england.py ../shared/data/nhs graphs/

Standard library only.  The output is deterministic: the same CSV files give the same
bytes (organisations and links in a fixed order, sorted by code within each group,
attribute keys sorted, 2-space indentation, UTF-8, a final newline).

What it reads (DATA_DIR; provenance of every file in that directory's SOURCES.md):

    pct_2012.csv, sha_2012.csv, pct_to_sha_2012.csv   ONS 2012 PCTs, SHAs and lookup
    ccg_2013.csv, area_teams_2013.csv, regions_2013.csv
                                                      ONS/ODS CCGs, area teams, regions
                                                      of 1 April 2013
    pct_to_ccg.csv                                    PCT -> CCG (share of the PCT's
                                                      postcodes), CCGs of 2015-2018
    ccg2015_to_hwb.csv, local_authority_hwb.csv       CCG (July 2015) x upper-tier local
                                                      authority overlaps (LSOA counts);
                                                      the 152 upper-tier authorities
    ccg_2013_to_icb_2022.csv                          ODS close dates of the 2013 CCGs
                                                      and their 2021 / 2022 successors
    trusts_2013.csv                                   NHS trusts in existence on
                                                      1 April 2013 (ODS legal dates)

What it writes (OUT_DIR): england-2012.json and england-2013.json (FORMAT.md, version 1).

Modelling decisions (each is also stated in the files' descriptions):

 1. Dates.  2012: 1 April 2012, the first day of 2012/13, the last full year of the PCTs
    and SHAs (both abolished from 1 April 2013 by the Health and Social Care Act 2012,
    ss. 33-34), before the NHS Trust Development Authority (1 June 2012) and the NHS
    Commissioning Board (1 October 2012) were established, and exactly one year before
    the 2013 file.  It also loses fewest trusts: trusts_2013.csv lists only trusts still
    open on 1 April 2013; four trusts whose last day was 31 March 2012 (Barts and The
    London, Newham, Whipps Cross, Trafford) are not needed on 1 April 2012, and the
    three opened that day (Barts Health, Isle of Wight, Torbay and Southern Devon) are
    in the file.  2013: 1 April 2013, the day the 2012 Act's system went live.
 2. Ids.  pct_<ODS>, sha_<ODS>, ccg_<ODS>, at_<ODS>, region_<ODS>, la_<ONS>, hwb_<ONS>,
    trust_<ODS>; parliament, dh, nhse, cqc, monitor as in wirral-2013.json.  The same
    PCT ids are used in both files so that `accgraph diff` matches across eras.
 3. Types.  Well-known names only.  An SHA is typed `regional_team` (the regional tier
    between the Department and the commissioners; label "Strategic health authority"),
    although it was a separate statutory body, not a team of a national body; PCTs and
    the five care trusts with PCT functions (ONS E17 codes) and CCGs are `commissioner`.
    Tiers are the same in both files (and as in wirral-2013.json).
 4. PCT -> SHA (statutory): one link per row of pct_to_sha_2012.csv.  Four PCTs (5K3
    Swindon, 5LH Tameside and Glossop, 5N9 Lincolnshire Teaching, 5QG Berkshire East)
    are listed under two SHAs by ONS: both links are kept, each with a caveat, and the
    PCT's region is the two SHA names joined with " / ".
 5. PCT-era health scrutiny (PCT -> local authority, type scrutiny, basis regulation,
    sanction soft) only where the lookups prove the correspondence.  The PCT <-> LA
    relation is not in the data; it is derived through the CCGs (pct_to_ccg.csv,
    ccg2015_to_hwb.csv):
      - "coterminous": every CCG the PCT maps to takes postcodes from no other PCT, lies
        100% (of its LSOAs) in one authority, and together they are 100% of that
        authority's LSOAs;
      - "pct_within_la": every CCG the PCT maps to lies 100% in the same authority (the
        PCT is wholly inside it, so the authority's health scrutiny covers the whole
        PCT), but the lookups do not make them coterminous: the authority has other PCTs
        (e.g. Kent, Essex, Lancashire) or its CCGs also take postcodes from a
        neighbouring PCT (e.g. Norfolk, Suffolk, Oxfordshire, North Lincolnshire).
    Other PCTs (those the lookups show crossing an authority boundary, and Newcastle
    and Gateshead, whose 2015 CCG 13T spans two authorities) get no scrutiny link.  The
    authorities without a derived PCT are still listed (all 152), so some have no link.
 6. CCGs (2013): CCG -> its area team (statutory, CCG assurance), area team -> region
    (managerial) -> NHS England (managerial) -> DH (statutory: the mandate) ->
    Parliament (democratic); NHS England -> Parliament (scrutiny: annual report), as in
    wirral-2013.json.  `succeeds`: every PCT that pct_to_ccg.csv maps to the CCG,
    whatever the share (shares are kept in the attributes; the smallest are boundary
    slivers of a few postcodes).
 7. CCG -> HWB (statutory, soft) for every CCG x authority pair of ccg2015_to_hwb.csv (a
    July-2015 configuration; minor 2013-2015 boundary changes are not captured), HWB ->
    local authority (statutory), and CCG -> local authority (scrutiny, SI 2013/218) on
    the same pairs, so that health scrutiny is in both eras.  13T (NHS Newcastle
    Gateshead, formed 1 April 2015 from 00F, 00G, 00H) is not a 2013 CCG: its rows are
    given to the three 2013 CCGs by name (NHS Gateshead -> Gateshead and Gateshead PCT;
    NHS Newcastle North and East and NHS Newcastle West -> Newcastle upon Tyne and
    Newcastle PCT); 13T covers exactly those two authorities and those two PCTs (100%),
    and the three CCGs' practice postcodes (gp_practices.csv) agree.  Flagged on each
    derived link and organisation.
 8. Trusts: those in trusts_2013.csv open on the as-of date, except the three Welsh NHS
    trusts the ODS file also holds (no English region code: RQF Velindre, RT4 Welsh
    Ambulance Services, RYT Public Health Wales), each regulated by CQC.  Trusts that
    existed on 1 April 2012 but closed before 1 April 2013 are not in trusts_2013.csv
    and so are missing from the 2012 file: the ODS trusts file it was drawn from (source
    ods_trusts) lists two, RCC Scarborough and North East Yorkshire Health Care (closed
    30 June 2012) and RHX Oxfordshire Learning Disability (1 November 2012).  Foundation
    trust status is not in the data, so no trust -> Monitor link is made (Monitor is
    present, with a caveat); nor trust -> SHA (2012) or trust -> NHS TDA (2013) for the
    NHS trusts that were not foundation trusts.  Provider contracts are not in the data:
    no contractual links.  Names are the c. 2015 ODS names (latest for 7 trusts closed
    before 2015), title-cased; the exact ODS strings are kept in the attributes.
 9. Left out (stated in the descriptions): GP practices (8,027; the 2013 file would be
    dominated by them, and no source links practices to PCTs), commissioning support
    units (no CCG mapping), PCT clusters and SHA clusters (management arrangements, not
    statutory bodies), shadow CCGs and shadow HWBs in 2012, the NHS Commissioning Board
    Authority (2011-12), the three London sub-area teams of 2013 (ONS and ODS code London
    as one area team, Q71), local Healthwatch and LINks, and councils' electorates.
10. Region (a grouping key only): England for national bodies; the SHA (2012) or NHS
    England region (2013) for commissioners, area teams and regions; for local
    authorities and HWBs the region holding most of the authority's LSOAs (2013: CCG
    regions weighted by LSOA counts; 2012: SHAs of the PCTs behind those CCGs, each CCG's
    LSOAs shared among its PCTs in proportion to their postcode shares), ties joined
    with " / ".  Trusts get no region: the only geography in the data is the c. 2025
    ODS region of the trust's headquarters.
"""

import csv
import datetime
import json
import os
import sys
from collections import defaultdict

# ---------------------------------------------------------------------------------------
# Sources (ids cited by organisations and links)

GH_OP = "https://github.com/ebmdatalab/openprescribing/blob/2aab031b6d83d25a6247ccc85c5e9d0f8460d456/openprescribing/data/org_codes/"

SOURCES = {
    "nhsa2006": ("National Health Service Act 2006 (c. 41): Strategic Health Authorities (s. 13), "
                 "Primary Care Trusts (s. 18), the Secretary of State's directions to health service "
                 "bodies (s. 8), review and scrutiny by local authorities (s. 244); as amended by the "
                 "Health and Social Care Act 2012: NHS England's mandate (s. 13A), CCG duties and "
                 "assessment (ss. 14Z-)",
                 "https://www.legislation.gov.uk/ukpga/2006/41/contents"),
    "hsca2012": ("Health and Social Care Act 2012 (c. 7): clinical commissioning groups and the NHS "
                 "Commissioning Board (Part 1), abolition of Strategic Health Authorities (s. 33) and "
                 "Primary Care Trusts (s. 34), Monitor as sector regulator (Part 3), health and "
                 "wellbeing boards (s. 194)",
                 "https://www.legislation.gov.uk/ukpga/2012/7/contents"),
    "hsca2012_s33": ("Health and Social Care Act 2012, s. 33: the Strategic Health Authorities "
                     "continued in existence or established under s. 13 of the NHS Act 2006 are "
                     "abolished",
                     "https://www.legislation.gov.uk/ukpga/2012/7/section/33/enacted"),
    "hsca2008": ("Health and Social Care Act 2008 (c. 14), Part 1: the Care Quality Commission and "
                 "registration of providers of regulated activities",
                 "https://www.legislation.gov.uk/ukpga/2008/14/contents"),
    "hsca2022": ("Health and Care Act 2022 (c. 31): abolition of clinical commissioning groups and "
                 "establishment of integrated care boards (1 July 2022)",
                 "https://www.legislation.gov.uk/ukpga/2022/31/contents"),
    "si2002_3048": ("The Local Authority (Overview and Scrutiny Committees Health Scrutiny Functions) "
                    "Regulations 2002, SI 2002/3048 (in force 1 January 2003 to 31 March 2013): "
                    "review and scrutiny of health services in the authority's area, reports and "
                    "recommendations (response within 28 days), consultation on substantial "
                    "variations, information, attendance of officers of local NHS bodies (SHAs, "
                    "PCTs, NHS trusts)",
                    "https://www.legislation.gov.uk/uksi/2002/3048/contents"),
    "si2013_218": ("The Local Authority (Public Health, Health and Wellbeing Boards and Health "
                   "Scrutiny) Regulations 2013, SI 2013/218 (in force 1 April 2013)",
                   "https://www.legislation.gov.uk/uksi/2013/218/contents"),
    "lga2000": ("Local Government Act 2000 (c. 22), s. 21: overview and scrutiny committees",
                "https://www.legislation.gov.uk/ukpga/2000/22/contents"),
    "dh_of_2010": ("Department of Health, 'Revision to the Operating Framework for the NHS in England "
                   "2010/11', 21 June 2010 (UK Government Web Archive): SHAs hold PCTs to account on "
                   "the basis of their operational plans",
                   "https://webarchive.nationalarchives.gov.uk/20110503151608/http:/www.dh.gov.uk/en/Publicationsandstatistics/Publications/PublicationsPolicyAndGuidance/DH_110107"),
    "dh_of_1112": ("Department of Health, The Operating Framework for the NHS in England 2011/12 "
                   "(15 December 2010; gateway ref. 15216), chapter 6 'Accountability' (copy on Scribd)",
                   "https://www.scribd.com/document/482441029/DOH-2010-operating-framework-2011-12"),
    "pct_list_wp": ("Wikipedia, 'List of primary care trusts in England': PCTs and the ten SHAs "
                    "responsible for them from 2006; PCT clusters (2011) and four SHA clusters "
                    "(October 2011), the PCTs remaining separate statutory bodies; all abolished "
                    "31 March 2013",
                    "https://en.wikipedia.org/wiki/List_of_primary_care_trusts_in_England"),
    "monitor_ar_0708": ("Monitor - Independent Regulator of NHS Foundation Trusts, annual report and "
                        "accounts 2007-08 (GOV.UK): established January 2004 to authorise, monitor and "
                        "regulate NHS foundation trusts; accountable to Parliament and independent of "
                        "government; laid before Parliament",
                        "https://www.gov.uk/government/publications/monitor-annual-report-and-accounts-1-april-2007-to-31-march-2008"),
    "hc_monitor_2012": ("House of Commons Health Committee, 'Accountability hearing with Monitor' "
                        "(2012)",
                        "https://www.parliament.uk/business/committees/committees-a-z/commons-select/health-committee/inquiries/parliament-2010/monitor1/"),
    "monitor_licence": ("Monitor, 'NHS foundation trusts: survey on the NHS provider licence' (2014), "
                        "stating that the licence has applied to NHS foundation trusts since April 2013",
                        "https://www.gov.uk/government/publications/nhs-foundation-trusts-survey-on-the-nhs-provider-licence"),
    "tda_2012": ("The Health Foundation, Policy Navigator, 'Three new arm's-length bodies': the NHS "
                 "Trust Development Authority established as a special health authority on 1 June "
                 "2012, responsible for NHS trusts from 1 April 2013",
                 "http://navigator.health.org.uk/theme/three-new-arms-length-bodies"),
    "nhscb_2012": ("NHS Commissioning Board, 'NHS Commissioning Board formally established', news "
                   "item, 1 October 2012",
                   "https://www.england.nhs.uk/2012/10/nhscb-established/"),
    "mandate_2013": ("Department of Health, The Mandate: a mandate from the Government to the NHS "
                     "Commissioning Board, April 2013 to March 2015 (November 2012; UK Government Web "
                     "Archive copy of mandate.dh.gov.uk, February 2013)",
                     "https://webarchive.nationalarchives.gov.uk/20130221090406/http://mandate.dh.gov.uk/"),
    "ccg_assurance": ("Health Service Journal, 'CCGs to be assured each quarter' (November 2013), on "
                      "NHS England's CCG assurance framework, carried out through its area teams",
                      "https://www.hsj.co.uk/commissioning/ccgs-to-be-assured-each-quarter/5065886.article"),
    "ons_pct_sha_2012": ("ONS primary care organisations 2012 (PCO_2012.csv), strategic health "
                         "authorities 2012 (SHA_2012.csv) and PCO to SHA lookup 2012 "
                         "(PCO12_SHA12_EN_LU.csv), via ebmdatalab/openprescribing data/org_codes at "
                         "commit 2aab031b6d83",
                         GH_OP + "PCO12_SHA12_EN_LU.csv"),
    "ons_ccg_2013": ("ONS CCG to NHS area team to NHS commissioning region lookup, April 2013 "
                     "(CCG13_NHSAT13_NHSCR13_EW_LU.csv), ONS CCG codes April 2013 (CCG_APR_2013.csv), "
                     "ONS area team names and codes April 2013 (NHSAT_APR_2013_EN_NC.csv) and the "
                     "ONS/ODS area team code pairing (at.csv), via ebmdatalab/openprescribing "
                     "data/org_codes at commit 2aab031b6d83",
                     "https://github.com/ebmdatalab/openprescribing/tree/2aab031b6d83d25a6247ccc85c5e9d0f8460d456/openprescribing/data/org_codes"),
    "ods_ccg_2016": ("NHS Organisation Data Service, CCG file eccg.csv, early-2016 state (pairing of "
                     "the ONS and ODS codes of the four NHS England regions), via "
                     "ebmdatalab/openprescribing at commit 6e98b609f",
                     "https://github.com/ebmdatalab/openprescribing/blob/6e98b609f/openprescribing/data/org_codes/eccg.csv"),
    "ods_ccg": ("NHS Organisation Data Service, CCG and sub-ICB location file eccg.csv including "
                "closed CCGs (legal close dates; c. 2025 state), via jhau/nhs-spend data/eccg.csv",
                "https://github.com/jhau/nhs-spend/blob/e602ea98154e694e9afddca87e50caef0b8488b9/data/eccg.csv"),
    "mhb_ccg_2021": ("NHS Digital, Mental Health Bulletin reference data, table ccg_mapping_2021: every "
                     "CCG code to its April 2021 CCG, via NHSDigital/mental-health-bulletin",
                     "https://github.com/NHSDigital/mental-health-bulletin/blob/50ccaa13869f8e9d246a6abc3a66f1511cd96cb0/mental-health-bulletin-main/mh_bulletin/mh_bulletin/setup/Reference%20Data.py"),
    "op_issue_527": ("ebmdatalab/openprescribing issue #527: CCG 13T (NHS Newcastle Gateshead) formed "
                     "by the merger of 00F, 00G and 00H",
                     "https://github.com/ebmdatalab/openprescribing/issues/527"),
    "pct_ccg": ("PCT to CCG lookup with the share of each PCT's postcodes per CCG (ccg2ons.js; CCG set "
                "of 2015-2018), via elahmo/dsfood",
                "https://github.com/elahmo/dsfood/blob/2b831ed/app/static/csv/ccg2ons.js"),
    "ons_lsoa_ccg_lad_2015": ("ONS LSOA (2011) to CCG to LAD (July 2015) lookup and Lower Tier LA to "
                              "Upper Tier LA (December 2017) lookup, via jtrim-ons/ons-lookups "
                              "csv/212.csv and csv/178.csv (CCG x upper-tier authority overlaps "
                              "counted in LSOAs)",
                              "https://github.com/jtrim-ons/ons-lookups/blob/85d0ba6/csv/212.csv"),
    "ons_utla_2017": ("ONS Lower Tier Local Authority to Upper Tier Local Authority (December 2017) "
                      "lookup, via jtrim-ons/ons-lookups csv/178.csv: the 152 upper-tier authorities "
                      "(county councils, unitary authorities, metropolitan districts, London boroughs "
                      "and the City of London)",
                      "https://github.com/jtrim-ons/ons-lookups/blob/85d0ba6/csv/178.csv"),
    "lgbce_ng_2012": ("Local Government Boundary Commission for England, Northumberland and Gateshead "
                      "principal area boundary review, final recommendations 15 May 2012 (the minor "
                      "boundary change after which ONS recoded both authorities)",
                      "http://www.lgbce.org.uk/current-reviews/north-east/northumberland/northumberland-and-gateshead-pabr"),
    "ods_trusts": ("NHS Organisation Data Service, NHS trusts file etr.csv including closed trusts "
                   "(codes, names, legal open and close dates, headquarters; c. 2025 state), via "
                   "jhau/nhs-spend data/etr.csv",
                   "https://github.com/jhau/nhs-spend/blob/e602ea98154e694e9afddca87e50caef0b8488b9/data/etr.csv"),
    "ods_trusts_2015": ("NHS Organisation Data Service, NHS trusts file etr.csv, state c. autumn 2015 "
                        "(names, headquarters postcodes), via jah-photoshop/nhsparse etr.csv at commit "
                        "12ebc71",
                        "https://github.com/jah-photoshop/nhsparse/blob/12ebc71/etr.csv"),
    "bsa_lists_2013": ("NHS Business Services Authority, Patient List Size report, quarter April-June "
                       "2013 (practice and CCG), via ebmdatalab/openprescribing "
                       "data/list_sizes/Patient_List_Size_2013_04-06.csv",
                       "https://github.com/ebmdatalab/openprescribing/blob/2aab031b6d83d25a6247ccc85c5e9d0f8460d456/openprescribing/data/list_sizes/Patient_List_Size_2013_04-06.csv"),
}

# Trusts in the ODS file that are not English (no English NHS region code).
WELSH_TRUSTS = {"RQF", "RT4", "RYT"}

# 13T (2015 merger of 00F, 00G, 00H) split back by name: CCG -> (LA name, PCT name).
NEWCASTLE_GATESHEAD = {
    "00F": ("Gateshead", "Gateshead"),
    "00G": ("Newcastle upon Tyne", "Newcastle"),
    "00H": ("Newcastle upon Tyne", "Newcastle"),
}
MERGED_2015 = "13T"

TIERS = {
    "parliament": 1, "government": 2, "national_body": 3, "regulator": 3,
    "regional_team": 4, "area_team": 5, "commissioner": 6, "local_authority": 6,
    "health_wellbeing_board": 6, "provider": 7,
}


# ---------------------------------------------------------------------------------------
# Reading

def read(data_dir, name):
    path = os.path.join(data_dir, name)
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def ods_date(s):
    """ODS YYYYMMDD -> ISO date, or None."""
    s = (s or "").strip()
    if not s:
        return None
    return "%s-%s-%s" % (s[0:4], s[4:6], s[6:8])


def day_after(iso):
    d = datetime.date.fromisoformat(iso) + datetime.timedelta(days=1)
    return d.isoformat()


def num(s):
    v = float(s)
    return int(v) if v == int(v) else v


SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "upon", "at", "with", "under", "super", "le"}


def title_case(name):
    """Upper-case ODS trust name -> display name ('NHS' kept; 'and', 'of' ... lower)."""
    out = []
    for i, word in enumerate(name.split()):
        if word == "NHS":
            out.append(word)
            continue
        parts = []
        for j, part in enumerate(word.split("-")):
            low = part.lower()
            if (i > 0 or j > 0) and low.strip(",") in SMALL_WORDS:
                parts.append(low)
            else:
                parts.append(low[:1].upper() + low[1:])
        out.append("-".join(parts))
    return " ".join(out)


def area_name(ons_name):
    """'Bristol, City of' -> 'City of Bristol'."""
    if ", " in ons_name:
        head, tail = ons_name.rsplit(", ", 1)
        if tail in ("City of", "County of"):
            return "%s %s" % (tail, head)
    return ons_name


# ---------------------------------------------------------------------------------------
# Data model shared by both eras

class Data:
    def __init__(self, data_dir):
        self.pcts = {r["pct_ods_code"]: r for r in read(data_dir, "pct_2012.csv")}
        self.shas = {r["sha_ods_code"]: r for r in read(data_dir, "sha_2012.csv")}
        self.pct_sha = defaultdict(list)
        for r in read(data_dir, "pct_to_sha_2012.csv"):
            self.pct_sha[r["pct_ods_code"]].append(r["sha_ods_code"])
        for p in self.pct_sha:
            self.pct_sha[p].sort()
        self.ccgs = {r["ccg_ods_code"]: r for r in read(data_dir, "ccg_2013.csv")}
        self.ats = {r["area_team_ods_code"]: r for r in read(data_dir, "area_teams_2013.csv")}
        self.regions = {r["region_ods_code"]: r for r in read(data_dir, "regions_2013.csv")}
        self.las = {r["hwb_la_ons_code"]: r for r in read(data_dir, "local_authority_hwb.csv")}
        self.ccg_icb = {r["ccg13_ods_code"]: r for r in read(data_dir, "ccg_2013_to_icb_2022.csv")}
        self.trusts = {r["trust_ods_code"]: r for r in read(data_dir, "trusts_2013.csv")}

        # PCT -> CCG (postcode shares), CCG (2015) -> PCTs
        self.pct_ccg = defaultdict(dict)
        self.ccg_pct = defaultdict(dict)
        for r in read(data_dir, "pct_to_ccg.csv"):
            share = float(r["pct_postcode_share_pct"])
            self.pct_ccg[r["pct_ods_code"]][r["ccg_ods_code"]] = share
            self.ccg_pct[r["ccg_ods_code"]][r["pct_ods_code"]] = share
        # CCG (2015) x LA overlaps
        self.ccg_la = defaultdict(dict)
        self.la_ccg = defaultdict(dict)
        for r in read(data_dir, "ccg2015_to_hwb.csv"):
            self.ccg_la[r["ccg15_ods_code"]][r["hwb_la_ons_code"]] = r
            self.la_ccg[r["hwb_la_ons_code"]][r["ccg15_ods_code"]] = r

        self.check()

    def check(self):
        def need(cond, msg):
            if not cond:
                sys.exit("build-england.py: data check failed: " + msg)
        need(len(self.pcts) == 151, "expected 151 PCTs, got %d" % len(self.pcts))
        need(len(self.shas) == 10, "expected 10 SHAs")
        need(set(self.pct_sha) == set(self.pcts), "every PCT has an SHA")
        need(all(s in self.shas for v in self.pct_sha.values() for s in v), "SHA codes known")
        need(len(self.ccgs) == 211, "expected 211 CCGs, got %d" % len(self.ccgs))
        need(len(self.ats) == 25 and len(self.regions) == 4, "25 area teams, 4 regions")
        need(len(self.las) == 152, "expected 152 upper-tier authorities")
        need(set(self.pct_ccg) == set(self.pcts), "every PCT in pct_to_ccg.csv")
        need(set(self.ccg_icb) == set(self.ccgs), "close dates for every CCG")
        ccg15 = set(self.ccgs) - set(NEWCASTLE_GATESHEAD) | {MERGED_2015}
        need(set(self.ccg_la) == ccg15, "ccg2015_to_hwb.csv has the 2015 CCGs")
        need(set(self.ccg_pct) == ccg15, "pct_to_ccg.csv has the 2015 CCGs")
        need(all(l in self.las for l in self.la_ccg), "LA codes known")
        for c, r in self.ccgs.items():
            need(r["area_team_ods_code"] in self.ats, "area team of " + c)
        for a, r in self.ats.items():
            need(r["region_ods_code"] in self.regions, "region of " + a)
        # the 13T split by name must find its authorities and PCTs
        la_by_name = {self.las[l]["hwb_la_name"]: l for l in self.ccg_la[MERGED_2015]}
        pct_by_name = {self.pcts[p]["pct_name"]: p for p in self.ccg_pct[MERGED_2015]}
        for c, (la, pct) in NEWCASTLE_GATESHEAD.items():
            need(c in self.ccgs, c + " is a 2013 CCG")
            need(la in la_by_name and pct in pct_by_name, "13T split for " + c)
            need(self.ccg_pct[MERGED_2015][pct_by_name[pct]] == 100.0, "13T takes all of " + pct)
        need(all(float(r["pct_of_la_lsoas"]) == 100.0 for r in self.ccg_la[MERGED_2015].values()),
             "13T covers its authorities whole")

    # -- 13T resolved to the 2013 CCGs ---------------------------------------------------

    def ccg13_las(self, c):
        """LA overlaps of a 2013 CCG: {la: row or None (derived via 13T)}."""
        if c in NEWCASTLE_GATESHEAD:
            la_name = NEWCASTLE_GATESHEAD[c][0]
            la = [l for l in self.ccg_la[MERGED_2015] if self.las[l]["hwb_la_name"] == la_name][0]
            return {la: None}
        return self.ccg_la[c]

    def ccg13_pcts(self, c):
        """Predecessor PCTs of a 2013 CCG: {pct: share or None (derived via 13T)}."""
        if c in NEWCASTLE_GATESHEAD:
            pct_name = NEWCASTLE_GATESHEAD[c][1]
            p = [p for p in self.ccg_pct[MERGED_2015] if self.pcts[p]["pct_name"] == pct_name][0]
            return {p: None}
        return self.ccg_pct[c]

    # -- derived PCT <-> LA correspondence (decision 5) ------------------------------------

    def pct_la_matches(self):
        out = {}
        for p, ccgs in self.pct_ccg.items():
            las = set(l for c in ccgs for l in self.ccg_la[c])
            if len(las) != 1:
                continue
            la = las.pop()
            if not all(float(self.ccg_la[c][la]["pct_of_ccg_lsoas"]) == 100.0 for c in ccgs):
                continue
            exclusive = all(set(self.ccg_pct[c]) == {p} for c in ccgs)
            whole = set(self.la_ccg[la]) == set(ccgs)
            kind = "coterminous" if exclusive and whole else "pct_within_la"
            out[p] = (la, kind, sorted(ccgs))
        return out

    # -- regions (decision 10) -------------------------------------------------------------

    @staticmethod
    def majority(weights):
        top = max(weights.values())
        return " / ".join(sorted(k for k, v in weights.items() if abs(v - top) < 1e-9))

    def la_region_2013(self, la):
        w = defaultdict(float)
        for c, r in self.la_ccg[la].items():
            if c == MERGED_2015:
                regs = {self.ccgs[x]["region_name"] for x in NEWCASTLE_GATESHEAD}
                assert len(regs) == 1
                reg = regs.pop()
            else:
                reg = self.ccgs[c]["region_name"]
            w[reg] += int(r["n_lsoa11"])
        return self.majority(w)

    def la_region_2012(self, la):
        w = defaultdict(float)
        for c, r in self.la_ccg[la].items():
            total = sum(self.ccg_pct[c].values())
            for p, share in self.ccg_pct[c].items():
                shas = self.pct_sha[p]
                for s in shas:
                    w[self.shas[s]["sha_name"]] += int(r["n_lsoa11"]) * share / total / len(shas)
        return self.majority(w)

    def pct_region(self, p):
        return " / ".join(sorted(self.shas[s]["sha_name"] for s in self.pct_sha[p]))

    # -- trusts (decision 8) ----------------------------------------------------------------

    def trusts_on(self, day):
        out = []
        for code in sorted(self.trusts):
            t = self.trusts[code]
            if code in WELSH_TRUSTS or not t["ods_region_code_latest"]:
                continue
            opened, closed = ods_date(t["ods_open_date"]), ods_date(t["ods_close_date"])
            if opened and opened > day:
                continue
            if closed and closed < day:
                continue
            out.append(t)
        return out


# ---------------------------------------------------------------------------------------
# Building blocks

def org(id_, name, type_, region=None, valid_from=None, valid_to=None, succeeds=None,
        sources=(), attributes=None):
    o = {"id": id_, "name": name, "type": type_}
    if region:
        o["region"] = region
    if valid_from:
        o["valid_from"] = valid_from
    if valid_to:
        o["valid_to"] = valid_to
    if succeeds:
        o["succeeds"] = list(succeeds)
    o["sources"] = list(sources)
    if attributes:
        o["attributes"] = {k: attributes[k] for k in sorted(attributes)}
    return o


def link(from_, to, type_, for_, mechanism, basis, sanction, sources, attributes=None,
         valid_from=None):
    l = {"from": from_, "to": to, "type": type_, "for": list(for_), "mechanism": mechanism,
         "basis": basis, "sanction": sanction}
    if attributes:
        l["attributes"] = {k: attributes[k] for k in sorted(attributes)}
    if valid_from:
        l["valid_from"] = valid_from
    l["sources"] = list(sources)
    return l


def trust_org(t):
    code = t["trust_ods_code"]
    ods_name = t["name_ods_2015"] or t["name_ods_latest"]
    opened, closed = ods_date(t["ods_open_date"]), ods_date(t["ods_close_date"])
    attrs = {"ods_code": code, "name_ods_latest": t["name_ods_latest"],
             "ods_region_code_latest": t["ods_region_code_latest"],
             "hq_postcode_latest": t["hq_postcode_latest"]}
    if t["name_ods_2015"]:
        attrs["name_ods_2015"] = t["name_ods_2015"]
    if t["hq_postcode_2015"]:
        attrs["hq_postcode_2015"] = t["hq_postcode_2015"]
    if closed:
        attrs["ods_close_date"] = closed
    return org("trust_" + code, title_case(ods_name), "provider",
               valid_from=opened, valid_to=day_after(closed) if closed else None,
               sources=["ods_trusts", "ods_trusts_2015"] if t["name_ods_2015"] else ["ods_trusts"],
               attributes=attrs)


def la_org(d, la, region):
    r = d.las[la]
    attrs = {"ons_code": la, "ons_name": r["hwb_la_name"], "la_type": r["la_type"],
             "n_lsoa11": int(r["n_lsoa11"])}
    sources = ["ons_utla_2017", "ons_lsoa_ccg_lad_2015"]
    if r["hwb_la_name"] in ("Gateshead", "Northumberland"):
        attrs["note"] = ("ONS code of 2013 onwards, assigned after the minor Northumberland-Gateshead "
                         "boundary change that followed the 2012 boundary review")
        sources.append("lgbce_ng_2012")
    return org("la_" + la, area_name(r["hwb_la_name"]) + " council", "local_authority",
               region=region, sources=sources, attributes=attrs)


def national(era):
    orgs = [
        org("parliament", "Parliament of the United Kingdom", "parliament", "England",
            sources=["nhsa2006"]),
        org("dh", "Department of Health (Secretary of State for Health)", "government", "England",
            sources=["nhsa2006"] + (["hsca2012"] if era == 2013 else [])),
        org("cqc", "Care Quality Commission", "regulator", "England", sources=["hsca2008"],
            attributes={"note": "registers and inspects providers of regulated activities, "
                                "including every NHS trust and foundation trust"}),
    ]
    if era == 2012:
        orgs.append(org("monitor", "Monitor (Independent Regulator of NHS Foundation Trusts)",
                        "regulator", "England", sources=["nhsa2006", "monitor_ar_0708"],
                        attributes={"caveat": "regulated the NHS foundation trusts; which trusts were "
                                              "foundation trusts on 1 April 2012 is not in the data, so "
                                              "no trust-to-Monitor link is made",
                                    "note": "independent of government and accountable to Parliament"}))
    else:
        orgs.append(org("monitor", "Monitor", "regulator", "England",
                        sources=["hsca2012", "monitor_licence"],
                        attributes={"caveat": "licensed the NHS foundation trusts from April 2013; which "
                                              "trusts were foundation trusts on 1 April 2013 is not in "
                                              "the data, so no trust-to-Monitor link is made",
                                    "note": "sector regulator for health services under Part 3 of the "
                                            "Health and Social Care Act 2012; formerly the Independent "
                                            "Regulator of NHS Foundation Trusts"}))
    return orgs


def national_links(era):
    links = [
        link("dh", "parliament", "democratic", ["finance", "quality", "performance", "outcomes"],
             "ministerial responsibility to Parliament for the health service in England (NHS Act "
             "2006 s. 1); questions, select committees, supply estimates",
             "constitution", "hard", ["nhsa2006"]),
        link("cqc", "dh", "statutory", ["quality", "performance", "finance"],
             "arm's-length body sponsored by the Department of Health; chair and members appointed "
             "by the Secretary of State; annual report laid before Parliament",
             "statute", "hard", ["hsca2008"]),
    ]
    if era == 2012:
        links.append(link("monitor", "parliament", "scrutiny", ["finance", "governance", "performance"],
                          "independent of government and accountable to Parliament: annual report "
                          "and accounts laid before Parliament; Health Committee accountability "
                          "hearings",
                          "statute", "soft", ["nhsa2006", "monitor_ar_0708", "hc_monitor_2012"]))
    else:
        links.append(link("monitor", "dh", "statutory", ["performance", "finance"],
                          "arm's-length body sponsored by the Department of Health; chair and members "
                          "appointed by the Secretary of State; annual report laid before Parliament",
                          "statute", "hard", ["hsca2012"]))
    return links


def trust_cqc_link(t):
    return link("trust_" + t["trust_ods_code"], "cqc", "regulatory", ["quality", "safety"],
                "CQC registration (required of NHS trusts since April 2010) and inspection against "
                "the essential standards of quality and safety",
                "statute", "hard", ["hsca2008"])


def vocab(types_used, labels):
    return {t: {"label": labels[t], "tier": TIERS[t]} for t in sorted(types_used, key=lambda t: (TIERS[t], t))}


def document(title, as_of, description, orgs, links, org_labels, link_labels, extra_sources=()):
    used_src = set(extra_sources)
    for x in orgs + links:
        used_src.update(x["sources"])
    sources = [{"id": s, "citation": SOURCES[s][0], "url": SOURCES[s][1]}
               for s in sorted(used_src)]
    org_types = {o["type"] for o in orgs}
    link_types = sorted({l["type"] for l in links})
    ids = [o["id"] for o in orgs]
    assert len(ids) == len(set(ids)), "duplicate organisation id"
    keys = [(l["from"], l["to"], l["type"]) for l in links]
    assert len(keys) == len(set(keys)), "duplicate link"
    idset = set(ids)
    assert all(l["from"] in idset and l["to"] in idset for l in links), "dangling link"
    return {
        "accgraph": 1,
        "title": title,
        "description": description,
        "as_of": as_of,
        "sources": sources,
        "organisation_types": vocab(org_types, org_labels),
        "link_types": {t: {"label": link_labels[t]} for t in link_types},
        "organisations": orgs,
        "links": links,
    }


# ---------------------------------------------------------------------------------------
# 2012

def build_2012(d):
    as_of = "2012-04-01"
    orgs = national(2012)
    links = national_links(2012)

    for s in sorted(d.shas):
        r = d.shas[s]
        orgs.append(org("sha_" + s, r["sha_name"] + " Strategic Health Authority", "regional_team",
                        region=r["sha_name"], valid_to="2013-04-01",
                        sources=["ons_pct_sha_2012", "nhsa2006", "hsca2012_s33", "pct_list_wp"],
                        attributes={"ods_code": s, "ons_code": r["sha_ons_code"],
                                    "n_pcts_2012": sum(1 for v in d.pct_sha.values() if s in v),
                                    "note": "statutory body (NHS Act 2006 s. 13), abolished 1 April "
                                            "2013; grouped with other SHAs in one of four SHA "
                                            "clusters from October 2011 (not modelled)"}))
        links.append(link("sha_" + s, "dh", "statutory", ["finance", "quality", "performance"],
                          "statutory NHS body subject to the Secretary of State's directions (NHS Act "
                          "2006 s. 8); accountable to the Department of Health for the NHS in its "
                          "region under the annual NHS Operating Framework",
                          "statute", "hard", ["nhsa2006", "dh_of_1112"]))

    matches = d.pct_la_matches()
    for p in sorted(d.pcts):
        r = d.pcts[p]
        care_trust = r["pct_ons_code"].startswith("E17")
        shas = d.pct_sha[p]
        attrs = {"ods_code": p, "ons_code": r["pct_ons_code"], "ons_name": r["pct_name"],
                 "sha_ods_code": " ".join(shas),
                 "successor_ccgs": " ".join("%s:%s" % (c, num(v)) for c, v in
                                            sorted(d.pct_ccg[p].items()))}
        if care_trust:
            attrs["note"] = "care trust exercising PCT functions (ONS E17 code)"
        if len(shas) > 1:
            attrs["caveat"] = ("the ONS 2012 PCT-to-SHA lookup lists this PCT under two SHAs (%s); "
                               "both links are kept" % ", ".join(shas))
        if p in matches:
            la, kind, ccgs = matches[p]
            attrs["scrutiny_la_ons_code"] = la
            attrs["scrutiny_correspondence"] = kind
        orgs.append(org("pct_" + p, r["pct_name"] + (" care trust" if care_trust else " PCT"),
                        "commissioner", region=d.pct_region(p), valid_to="2013-04-01",
                        sources=["ons_pct_sha_2012", "nhsa2006", "hsca2012", "pct_ccg"],
                        attributes=attrs))
        for s in shas:
            la = {}
            if len(shas) > 1:
                la = {"caveat": "one of two SHAs the ONS lookup gives for this PCT (%s); which SHA "
                                "held it to account, or each for part of its area, is not settled by "
                                "the data" % ", ".join(shas)}
            links.append(link("pct_" + p, "sha_" + s, "statutory",
                              ["finance", "quality", "performance"],
                              "performance management by the SHA for the Secretary of State: operating "
                              "plans, financial and performance targets under the annual NHS "
                              "Operating Framework; the Secretary of State's powers of direction and "
                              "intervention (NHS Act 2006 s. 8)",
                              "statute", "hard",
                              ["nhsa2006", "dh_of_2010", "dh_of_1112", "ons_pct_sha_2012"], la))

    # local authorities (all 152) and the derived scrutiny links
    for la in sorted(d.las):
        orgs.append(la_org(d, la, d.la_region_2012(la)))
    for p in sorted(matches):
        la, kind, ccgs = matches[p]
        attrs = {"correspondence": kind, "via_ccgs_2015": " ".join(ccgs),
                 "caveat": "PCT-LA correspondence derived through the CCGs of 2015 (PCT postcode "
                           "shares; CCG-LA overlaps counted in LSOAs), not from a PCT-LA lookup"}
        links.append(link("pct_" + p, "la_" + la, "scrutiny",
                          ["quality", "performance", "public health"],
                          "health scrutiny by the council's overview and scrutiny committee: "
                          "information, attendance of officers, response to reports within 28 days, "
                          "consultation on substantial variations in services, referral of contested "
                          "proposals to the Secretary of State",
                          "regulation", "soft",
                          ["si2002_3048", "nhsa2006", "lga2000", "pct_ccg", "ons_lsoa_ccg_lad_2015"],
                          attrs))

    trusts = d.trusts_on(as_of)
    for t in trusts:
        orgs.append(trust_org(t))
        links.append(trust_cqc_link(t))

    counts = {
        "pcts": len(d.pcts),
        "care_trusts": sum(1 for r in d.pcts.values() if r["pct_ons_code"].startswith("E17")),
        "double": sorted(p for p, v in d.pct_sha.items() if len(v) > 1),
        "cot": sum(1 for v in matches.values() if v[1] == "coterminous"),
        "within": sum(1 for v in matches.values() if v[1] == "pct_within_la"),
        "las_linked": len({v[0] for v in matches.values()}),
        "trusts": len(trusts),
    }
    desc = (
        "The English NHS commissioning system on 1 April 2012, the first day of 2012/13, the last "
        "full year of the primary care trusts (PCTs) and strategic health authorities (SHAs), both "
        "abolished from 1 April 2013 by the Health and Social Care Act 2012 (ss. 33-34). The date is "
        "before the NHS Trust Development Authority (1 June 2012) and the NHS Commissioning Board "
        "(1 October 2012) existed, and exactly one year before england-2013.json, its comparison. "
        "It shows Parliament; the Department of Health (Secretary of State); the Care Quality "
        "Commission and Monitor; the 10 SHAs (typed regional_team, the regional tier; they were "
        "separate statutory bodies); the %(pcts)d PCTs of the ONS 2012 list (%(care_trusts)d of them "
        "care trusts with PCT functions), each accountable to its SHA; the 152 upper-tier local "
        "authorities; and the %(trusts)d NHS trusts and foundation trusts open that day, each "
        "regulated by CQC. Codes and names come from ONS and NHS Organisation Data Service files "
        "(see sources); the legal relationships from the Acts and regulations cited. The file is "
        "generated by graphs/build-england.py, whose header states every modelling decision. "
        "Caveats: (1) the ONS 2012 list has 151 PCTs; the often quoted '152 PCTs' is not reproduced "
        "by it. (2) The ONS PCT-to-SHA lookup lists %(ndouble)d PCTs under two SHAs (%(double)s); "
        "each has a link to both, marked with a caveat, and its region is both SHA names. "
        "(3) Health scrutiny by councils' overview and scrutiny committees (SI 2002/3048) is "
        "modelled as PCT -> local authority only where the lookups prove the correspondence, "
        "derived through the 2015 CCGs (PCT postcode shares; CCG-LA LSOA overlaps): %(cot)d PCTs "
        "coterminous with an authority and %(within)d wholly inside one whose area the lookups show "
        "also taking in other PCTs (%(las_linked)d authorities in all). The other PCTs cross an authority boundary in the "
        "lookups (or, for Newcastle and Gateshead, map to the 2015 CCG 13T that spans both) and "
        "have no scrutiny link although they were scrutinised; the authorities without a derived "
        "PCT appear with no link at all. Scrutiny link counts are therefore a lower bound and not "
        "comparable one for one with the 2013 file. (4) Foundation trust status is not in the data: "
        "no trust -> Monitor link is made (Monitor is shown, accountable to Parliament); nor are the "
        "SHAs' oversight of the NHS trusts that were not foundation trusts, or any commissioner-"
        "provider contract (not in the data). (5) The trust list is the ODS file of trusts still "
        "open on 1 April 2013 restricted to those open on 1 April 2012: trusts that closed during "
        "2012/13 are missing (the ODS file lists two, Scarborough and North East Yorkshire Health "
        "Care and Oxfordshire Learning Disability NHS Trust); three Welsh trusts in the ODS file "
        "are left out. Trust names are the c. 2015 ODS names, so some trusts that became foundation "
        "trusts after 2012 carry that title. (6) Local authority codes and areas are those of the "
        "ONS 2017 lookup (Gateshead and Northumberland were recoded after a minor 2013 boundary "
        "change). (7) Not modelled: GP practices, PCT clusters and the four SHA clusters "
        "(management arrangements; the PCTs and SHAs remained the statutory bodies), shadow CCGs and "
        "shadow health and wellbeing boards, the NHS Commissioning Board Authority, LINks, and "
        "councils' electorates (each council is an apex of the local democratic line). Region is a "
        "grouping key only: for a local authority it is the SHA estimated to hold most of its "
        "LSOAs; trusts have none. No link is observed in fieldwork."
    ) % dict(counts, ndouble=len(counts["double"]),
             double=", ".join("%s %s" % (p, d.pcts[p]["pct_name"]) for p in counts["double"]))

    org_labels = {"parliament": "Parliament", "government": "Government department",
                  "regulator": "Regulator", "regional_team": "Strategic health authority",
                  "commissioner": "Primary care trust", "local_authority": "Local authority",
                  "provider": "NHS trust or foundation trust"}
    link_labels = {"statutory": "Statutory accountability", "regulatory": "Regulation",
                   "democratic": "Democratic accountability", "scrutiny": "Scrutiny"}
    return document("English NHS commissioning system, 1 April 2012 (PCT era)", as_of, desc,
                    orgs, links, org_labels, link_labels,
                    extra_sources=["tda_2012", "nhscb_2012"]), counts


# ---------------------------------------------------------------------------------------
# 2013

def build_2013(d):
    as_of = "2013-04-01"
    orgs = national(2013)
    links = national_links(2013)
    orgs.insert(2, org("nhse", "NHS England (NHS Commissioning Board)", "national_body", "England",
                       valid_from="2012-10-01", sources=["hsca2012", "nhscb_2012", "ons_ccg_2013"],
                       attributes={"ods_code": "X24", "legal_name": "NHS Commissioning Board",
                                   "note": "established 1 October 2012; full commissioning "
                                           "responsibilities from 1 April 2013; operating name NHS "
                                           "England"}))
    links.insert(1, link("nhse", "dh", "statutory", ["finance", "quality", "performance", "outcomes"],
                         "the Mandate set by the Secretary of State (NHS Act 2006 s. 13A) and the NHS "
                         "Outcomes Framework; annual assessment of NHS England; power of direction in "
                         "case of failure",
                         "statute", "hard", ["hsca2012", "nhsa2006", "mandate_2013"],
                         valid_from="2013-04-01"))
    links.insert(2, link("nhse", "parliament", "scrutiny", ["finance", "performance"],
                         "annual report and accounts laid before Parliament; select committee "
                         "evidence (Health Committee, Public Accounts Committee)",
                         "statute", "soft", ["hsca2012", "nhsa2006"]))

    for g in sorted(d.regions):
        r = d.regions[g]
        orgs.append(org("region_" + g, "NHS England %s region" % r["region_name"], "regional_team",
                        region=r["region_name"], valid_from="2013-04-01",
                        sources=["ons_ccg_2013", "ods_ccg_2016"],
                        attributes={"ods_code": g, "ons_code": r["region_ons_code"],
                                    "n_area_teams": int(r["n_area_teams"]),
                                    "n_ccgs_2013": int(r["n_ccgs_2013"]),
                                    "note": "part of NHS England, not a separate legal body"}))
        links.append(link("region_" + g, "nhse", "managerial", ["finance", "quality", "performance"],
                          "line management within NHS England (region reports to the national "
                          "directorate and board)",
                          "constitution", "hard", ["ons_ccg_2013"]))
    for a in sorted(d.ats):
        r = d.ats[a]
        attrs = {"ods_code": a, "ons_code": r["area_team_ons_code"],
                 "n_ccgs_2013": int(r["n_ccgs_2013"]),
                 "note": "part of NHS England, not a separate legal body"}
        if a == "Q71":
            attrs["caveat"] = ("NHS England ran London as three area teams (North Central and East, "
                               "North West, South London); ONS and ODS code London as this one area "
                               "team, and all 32 London CCGs are linked to it")
        orgs.append(org("at_" + a, "NHS England %s Area Team" % r["area_team_name"], "area_team",
                        region=r["region_name"], valid_from="2013-04-01", sources=["ons_ccg_2013"],
                        attributes=attrs))
        links.append(link("at_" + a, "region_" + r["region_ods_code"], "managerial",
                          ["finance", "quality", "performance"],
                          "line management within NHS England (area team reports to the regional "
                          "team)",
                          "constitution", "hard", ["ons_ccg_2013"]))

    succession = {}
    for c in sorted(d.ccgs):
        r = d.ccgs[c]
        preds = d.ccg13_pcts(c)
        icb = d.ccg_icb[c]
        closed = ods_date(icb["ccg13_ods_close_date"])
        attrs = {"ods_code": c, "ons_code": r["ccg_ons_code"],
                 "area_team_ods_code": r["area_team_ods_code"],
                 "region_ods_code": r["region_ods_code"],
                 "predecessor_pcts": " ".join(sorted(preds)),
                 "successor_ccg21_ods_code": icb["successor_ccg21_ods_code"],
                 "icb22_ods_code": icb["icb_ods_code"]}
        if c in NEWCASTLE_GATESHEAD:
            kind = "derived by name via 13T"
            attrs["caveat"] = ("merged into 13T (NHS Newcastle Gateshead CCG) on 1 April 2015; the "
                               "PCT and local authority lookups use 13T, which takes 100% of PCTs 5D7 "
                               "Newcastle and 5KF Gateshead and covers exactly the Newcastle upon Tyne "
                               "and Gateshead authorities; this CCG's predecessor PCT and authority are "
                               "assigned by its name (its practices' postcodes agree)")
        else:
            attrs["predecessor_pct_postcode_shares"] = " ".join(
                "%s:%s" % (p, num(v)) for p, v in sorted(preds.items()))
            whole = [p for p in preds if set(d.pct_ccg[p]) == {c}]
            if len(preds) == 1:
                kind = "whole PCT" if whole else "part of a split PCT"
            else:
                kind = "merger of whole PCTs" if len(whole) == len(preds) else "parts of several PCTs"
        attrs["succession"] = kind
        succession[c] = kind
        if closed:
            attrs["ods_close_date"] = closed
            valid_to = day_after(closed)
            to_src = ["ods_ccg"]
        else:
            valid_to = "2022-07-01"
            to_src = ["hsca2022", "mhb_ccg_2021"]
            attrs["note"] = "code unchanged to 30 June 2022; CCGs were abolished on 1 July 2022"
        srcs = ["hsca2012", "ons_ccg_2013", "pct_ccg"] + to_src
        if c in NEWCASTLE_GATESHEAD:
            srcs += ["op_issue_527", "bsa_lists_2013"]
        orgs.append(org("ccg_" + c, r["ccg_name"] + " CCG", "commissioner", region=r["region_name"],
                        valid_from="2013-04-01", valid_to=valid_to,
                        succeeds=["pct_" + p for p in sorted(preds)], sources=srcs,
                        attributes=attrs))
        links.append(link("ccg_" + c, "at_" + r["area_team_ods_code"], "statutory",
                          ["finance", "quality", "performance", "outcomes", "governance"],
                          "CCG assurance by NHS England through the area team (interim 2013/14 "
                          "process, quarterly checkpoints); NHS England's annual assessment of the "
                          "CCG; powers of direction and intervention",
                          "statute", "hard", ["hsca2012", "nhsa2006", "ccg_assurance", "ons_ccg_2013"],
                          {"note": "the statutory duty runs to NHS England; the area team exercises it"}))

    # local authorities, HWBs, CCG -> HWB, HWB -> LA, CCG -> LA (scrutiny)
    for la in sorted(d.las):
        region = d.la_region_2013(la)
        orgs.append(la_org(d, la, region))
    for la in sorted(d.las):
        r = d.las[la]
        orgs.append(org("hwb_" + la, area_name(r["hwb_la_name"]) + " Health and Wellbeing Board",
                        "health_wellbeing_board", region=d.la_region_2013(la),
                        valid_from="2013-04-01", sources=["hsca2012", "si2013_218", "ons_utla_2017"],
                        attributes={"area_ons_code": la,
                                    "note": "statutory committee of the council from 1 April 2013 "
                                            "(Health and Social Care Act 2012 s. 194)"}))
        links.append(link("hwb_" + la, "la_" + la, "statutory", ["public health", "governance"],
                          "the HWB is a committee of the council (Health and Social Care Act 2012 "
                          "s. 194)",
                          "statute", "soft", ["hsca2012", "si2013_218"]))
    ccg_la_links = []
    for c in sorted(d.ccgs):
        for la, row in sorted(d.ccg13_las(c).items()):
            if row is None:
                attrs = {"derived_via": "13T",
                         "caveat": "authority assigned by the CCG's name within 13T (merged 2015), "
                                   "which covers exactly Newcastle upon Tyne and Gateshead"}
                src = ["ons_lsoa_ccg_lad_2015", "op_issue_527"]
            else:
                attrs = {"n_lsoa11": int(row["n_lsoa11"]),
                         "pct_of_ccg_lsoas": num(row["pct_of_ccg_lsoas"]),
                         "pct_of_la_lsoas": num(row["pct_of_la_lsoas"]),
                         "caveat": "CCG-authority overlap of the July 2015 CCG configuration"}
                src = ["ons_lsoa_ccg_lad_2015"]
            ccg_la_links.append((c, la))
            links.append(link("ccg_" + c, "hwb_" + la, "statutory",
                              ["public health", "outcomes", "governance"],
                              "the CCG must involve the HWB in preparing its commissioning plan and "
                              "have regard to the joint strategic needs assessment and joint health "
                              "and wellbeing strategy; the HWB gives its opinion on the plan, may refer "
                              "it to NHS England, and is consulted in NHS England's assessment of the "
                              "CCG",
                              "statute", "soft", ["hsca2012", "nhsa2006"] + src, attrs))
            links.append(link("ccg_" + c, "la_" + la, "scrutiny",
                              ["quality", "performance", "public health"],
                              "health scrutiny by the council: duty to provide information, attend "
                              "before it and consult on substantial variations in services; the "
                              "council may refer proposals to the Secretary of State",
                              "regulation", "soft", ["si2013_218", "nhsa2006"] + src, attrs))

    trusts = d.trusts_on(as_of)
    for t in trusts:
        orgs.append(trust_org(t))
        links.append(trust_cqc_link(t))

    multi_la = sum(1 for c in d.ccgs if len(d.ccg13_las(c)) > 1)
    counts = {"ccgs": len(d.ccgs), "ccg_la": len(ccg_la_links), "multi_la": multi_la,
              "trusts": len(trusts),
              "succ": {k: sum(1 for v in succession.values() if v == k)
                       for k in sorted(set(succession.values()))}}
    desc = (
        "The English NHS commissioning system on 1 April 2013, the day the Health and Social Care "
        "Act 2012 system went live: Parliament; the Department of Health (Secretary of State); NHS "
        "England (the NHS Commissioning Board), accountable to the Secretary of State through the "
        "mandate, with its 4 regional teams and 25 area teams; the %(ccgs)d clinical commissioning "
        "groups (CCGs), each accountable to NHS England through its area team (CCG assurance); the "
        "152 upper-tier local authorities and their health and wellbeing boards (HWBs), each CCG "
        "linked to the HWB of every authority its area overlaps and scrutinised by that authority; "
        "the Care Quality Commission and Monitor; and the %(trusts)d NHS trusts and foundation "
        "trusts open that day, each regulated by CQC. Each CCG lists in 'succeeds' the PCTs it "
        "replaced (ids as in england-2012.json), so that 'accgraph diff england-2012.json "
        "england-2013.json' matches organisations across the two eras. Codes and names come from "
        "ONS and NHS Organisation Data Service files (see sources); the legal relationships from "
        "the Acts and regulations cited. The file is generated by graphs/build-england.py, whose "
        "header states every modelling decision. Caveats: (1) CCG-authority links (%(ccg_la)d pairs; "
        "%(multi_la)d CCGs span more than one authority) come from the July 2015 CCG configuration "
        "(LSOA best fit), not a 2013 lookup: minor 2013-2015 boundary changes are not captured. "
        "(2) 13T (NHS Newcastle Gateshead, 2015) is not a 2013 CCG: its authorities and PCTs are "
        "given to the three CCGs it merged by name (00F NHS Gateshead -> Gateshead; 00G NHS "
        "Newcastle North and East and 00H NHS Newcastle West -> Newcastle upon Tyne), flagged on "
        "each. (3) Succession comes from a PCT-to-CCG lookup of 2015-2018 CCGs giving each PCT's "
        "postcode share per CCG; every PCT with any share is listed, so the smallest shares "
        "(boundary slivers of under 5%% of a PCT's postcodes) count as splits. (4) ONS and ODS code "
        "London as one area team (Q71); NHS England ran it as three, which are not modelled. "
        "(5) Foundation trust status is not in the data: no trust -> Monitor link is made (Monitor "
        "is shown, sponsored by the Department), and the NHS Trust Development Authority's "
        "oversight of the other NHS trusts is not modelled. Commissioner-provider contracts are not "
        "in the data and are left out. Three Welsh trusts in the ODS file are left out. Trust names "
        "are the c. 2015 ODS names. (6) GP practices (8,027, each a member of its CCG and holding a "
        "contract with NHS England) are left out of this national file; so are commissioning "
        "support units (no CCG mapping), local Healthwatch, councils' electorates (each council is "
        "an apex of the local democratic line) and the financial lines from central government to "
        "councils. (7) Local authority codes and areas are those of the ONS 2017 lookup. Region is "
        "a grouping key only: for a local authority and its HWB it is the NHS England region "
        "holding most of its LSOAs; trusts have none. Area teams and regions are parts of NHS "
        "England, not separate legal bodies. No link is observed in fieldwork."
    ) % counts

    org_labels = {"parliament": "Parliament", "government": "Government department",
                  "national_body": "National NHS body", "regulator": "Regulator",
                  "regional_team": "NHS England regional team", "area_team": "NHS England area team",
                  "commissioner": "Clinical commissioning group", "local_authority": "Local authority",
                  "health_wellbeing_board": "Health and wellbeing board",
                  "provider": "NHS trust or foundation trust"}
    link_labels = {"statutory": "Statutory accountability",
                   "managerial": "Line management within an organisation",
                   "regulatory": "Regulation", "democratic": "Democratic accountability",
                   "scrutiny": "Scrutiny"}
    return document("English NHS commissioning system, 1 April 2013", as_of, desc, orgs, links,
                    org_labels, link_labels), counts


# ---------------------------------------------------------------------------------------
# Writing: 2-space indentation; arrays of scalars and small flat objects on one line

def dumps(v, indent=0):
    pad = "  " * indent
    if isinstance(v, dict):
        if not v:
            return "{}"
        flat = all(not isinstance(x, (dict, list)) for x in v.values())
        one = "{" + ", ".join("%s: %s" % (json.dumps(k, ensure_ascii=False),
                                          json.dumps(x, ensure_ascii=False))
                              for k, x in v.items()) + "}"
        if flat and len(one) + len(pad) <= 100:
            return one
        items = ["%s  %s: %s" % (pad, json.dumps(k, ensure_ascii=False), dumps(x, indent + 1))
                 for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(v, list):
        if all(not isinstance(x, (dict, list)) for x in v):
            return "[" + ", ".join(json.dumps(x, ensure_ascii=False) for x in v) + "]"
        items = ["%s  %s" % (pad, dumps(x, indent + 1)) for x in v]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return json.dumps(v, ensure_ascii=False)


def write(path, doc):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(dumps(doc) + "\n")
    os.replace(tmp, path)


def main(argv):
    if len(argv) != 3 or argv[1] in ("-h", "--help"):
        sys.stderr.write("usage: build-england.py DATA_DIR OUT_DIR\n")
        return 2
    d = Data(argv[1])
    doc12, c12 = build_2012(d)
    doc13, c13 = build_2013(d)
    for name, doc in (("england-2012.json", doc12), ("england-2013.json", doc13)):
        path = os.path.join(argv[2], name)
        write(path, doc)
        n = defaultdict(int)
        for o in doc["organisations"]:
            n[o["type"]] += 1
        sys.stderr.write("%s: %d organisations (%s), %d links\n" % (
            path, len(doc["organisations"]),
            ", ".join("%s %d" % (k, n[k]) for k in sorted(n)), len(doc["links"])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
