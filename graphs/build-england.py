#!/usr/bin/python3
"""
build-england.py - derive the three national accountability systems of the English
NHS that researchers compare, from the fact tables in graphs/facts:

    england-2012   the PCT-era system on 1 April 2012
    england-2013   the Health and Social Care Act 2012 system on 1 April 2013
    england-2022   the integrated care board system on 1 July 2022

Usage (graphs/build.sh runs it; `make graphs` runs that):

    graphs/build-england.py FACTS_DIR OUT_DIR

writes OUT_DIR/england-YYYY/{base.json, organisations.csv, links.csv}: the CSV pair
and the base document (title, description, as_of, sources, vocabularies) from which
`accgraph import` makes graphs/england-YYYY.json.  Standard library only.  The output
is deterministic: the same CSV files give the same bytes (organisations and links in
a fixed order, sorted by code within each group).

What it reads (FACTS_DIR; provenance of every file in its SOURCES.md):

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
    gp_practices.csv                                  GP practices and their CCG,
                                                      April-June 2013
    icb_2022.csv                                      the 42 ICBs of July 2022

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
 2. Ids.  pct_<ODS>, sha_<ODS>, ccg_<ODS>, at_<ODS>, region_<ODS>, icb_<ODS>, gp_<ODS>,
    la_<ONS>, hwb_<ONS>, elect_<ONS> (the council's electorate), tda, nice, phe, hee,
    healthwatch_england,
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
    present, with a caveat), nor trust -> SHA for the NHS trusts, in 2012.  In 2013 each
    trust is linked to Monitor or to the NHS TDA by a deduction stated on the link
    (trust_status_2013): a trust not named a foundation trust in the c. 2015 ODS file (or
    at its closure) was an NHS trust, the status not being given up; one so named was a
    foundation trust already unless a source dates its authorisation later
    (FT_AUTHORISED_LATER).  Provider contracts are not in the data:
    no contractual links.  Names are the c. 2015 ODS names (latest for 7 trusts closed
    before 2015), title-cased; the exact ODS strings are kept in the attributes.
 9. GP practices (2013 only; no source links practices to PCTs): every practice of
    gp_practices.csv, a member of its CCG (a membership link each way), under contract to
    NHS England through the CCG's area team, registered with CQC.  Every council answers
    to its electorate (elect_<ONS>, an apex), in both eras.  The national bodies the
    Department sponsored in 2013 (TDA, NICE, PHE, HEE; Healthwatch England a committee of
    CQC) are in the 2013 file.
    Left out (stated in the descriptions): commissioning support
    units (no CCG mapping), PCT clusters and SHA clusters (management arrangements, not
    statutory bodies), shadow CCGs and shadow HWBs in 2012, the NHS Commissioning Board
    Authority (2011-12), the three London sub-area teams of 2013 (ONS and ODS code London
    as one area team, Q71), local Healthwatch and LINks.
    2022 (build_2022): NHS England and its 7 regions, the 42 ICBs (succeeding their 2021
    CCGs and, through them, the 2013 CCGs), CQC, and the trusts of trusts_2013.csv still
    open on 1 July 2022 (later trusts are not in the facts), overseen by NHS England.
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
    "hsca2022": ("Health and Care Act 2022 (c. 31): abolition of clinical commissioning groups, "
                 "establishment of integrated care boards and NHS England's performance assessment "
                 "of them; abolition of Monitor and the NHS Trust Development Authority, their "
                 "functions transferred to NHS England; from 1 July 2022; and "
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
                      "NHS England's CCG assurance framework, which replaced the interim 2013/14 "
                      "arrangements and is carried out through NHS England's area teams",
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
    "lgpiha2007": ("Local Government and Public Involvement in Health Act 2007 (c. 28), Part 14 as "
                   "amended by Part 5 of the Health and Social Care Act 2012: local Healthwatch "
                   "arrangements made by local authorities; the joint strategic needs assessment and "
                   "joint health and wellbeing strategy (ss. 116, 116A)",
                   "https://www.legislation.gov.uk/ukpga/2007/28/contents"),
    "lga1972": ("Local Government Act 1972 (c. 70): county, metropolitan district and London borough "
                "councils and their councillors elected by the local government electors of the area",
                "https://www.legislation.gov.uk/ukpga/1972/70/contents"),
    "tda_directions_2013": ("Department of Health, National Health Service Trust Development Authority "
                            "Directions 2013 (functions from 1 April 2013)",
                            "https://www.gov.uk/government/publications/nhs-trust-development-authority-directions-2013"),
    "cqc_gp_2013": ("H. Jaques, 'More than 80% of general practices have registered with CQC', BMJ "
                    "2013;346:f538: all providers of primary medical services must be registered with "
                    "the CQC from 1 April 2013",
                    "https://www.bmj.com/content/346/bmj.f538"),
    "ods_practices_2015": ("NHS Organisation Data Service, GP practices file epraccur.csv, state c. "
                           "August 2015 (practice open dates, commissioner and join date 2013-04-01, "
                           "postcodes), via ebmdatalab/openprescribing data/org_codes/epraccur.csv",
                           GH_OP + "epraccur.csv"),
    "ods_practices_2016": ("NHS Organisation Data Service, GP practices file epraccur.csv, state c. "
                           "January 2016 (practice close dates up to 30 September 2015), via "
                           "ebmdatalab/openprescribing at commit cd493fc08aa6",
                           "https://github.com/ebmdatalab/openprescribing/blob/cd493fc08aa6975c41141bed6a2bb4678da21951/openprescribing/data/org_codes/epraccur.csv"),
    "nice_2012": ("Health and Social Care Act 2012, Part 8: the National Institute for Health and Care "
                  "Excellence, a body corporate (from 1 April 2013) whose members are appointed by the "
                  "Secretary of State and which reports to the Secretary of State annually",
                  "https://www.legislation.gov.uk/ukpga/2012/7/part/8"),
    "hee_2012": ("The Health Education England (Establishment and Constitution) Order 2012, SI 2012/1273 "
                 "(in force 28 June 2012): a special health authority exercising its functions subject "
                 "to the Secretary of State's directions",
                 "https://www.legislation.gov.uk/uksi/2012/1273/made"),
    "phe_2013": ("The Health Foundation, Policy Navigator, 'Public Health England (PHE)': an executive "
                 "agency of the Department of Health, operating from 1 April 2013, with ministers "
                 "setting its strategic objectives",
                 "https://navigator.health.org.uk/theme/public-health-england-phe"),
    "hwe_2012": ("Health and Social Care Act 2012, s. 181: the Healthwatch England committee of the Care "
                 "Quality Commission (Health and Social Care Act 2008, Sch. 1 para. 6(1A), s. 45A)",
                 "https://www.legislation.gov.uk/ukpga/2012/7/section/181"),
    "hwe_history": ("Healthwatch England, 'Our history and functions': a statutory committee of the CQC; "
                    "advice to the Secretary of State, NHS England and local authorities, who must "
                    "respond in writing; local Healthwatch funded by and accountable to local "
                    "authorities",
                    "https://healthwatch.co.uk/our-history-and-functions"),
    "ft_wsht_2013": ("Worthing Herald, 'Hospital staff are praised as trust given top status': Western "
                     "Sussex Hospitals NHS Trust named a foundation trust, the change of status taking "
                     "place on 1 July (2013)",
                     "https://www.worthingherald.co.uk/news/health/hospital-staff-are-praised-as-trust-given-top-status-1-5187739"),
    "ft_hsj_2014": ("Health Service Journal, 'First foundation trust authorisations in more than a year' "
                    "(2014): Bridgewater Community Healthcare, Derbyshire Community Health Services and "
                    "Royal United Hospital Bath authorised from 1 November 2014, the first since Western "
                    "Sussex Hospitals in July 2013",
                    "https://www.hsj.co.uk/home/first-foundation-trust-authorisations-in-more-than-a-year/5076324.article"),
    "cqc_ry7": ("Care Quality Commission, inspection summary for provider RY7 (Wirral Community NHS "
                "Foundation Trust), updated 13 December 2023: the trust became a foundation trust on "
                "1 May 2016",
                "https://www.cqc.org.uk/provider/RY7/inspection-summary"),
    "dhsc_2018": ("GOV.UK, Department of Health and Social Care: the Department of Health renamed in "
                  "January 2018; the Secretary of State for Health and Social Care",
                  "https://www.gov.uk/government/organisations/department-of-health-and-social-care"),
    "ons_icb_2022": ("ONS Integrated Care Boards (July 2022) codes and names (ICB22CD to ICB22CDH pairs, via "
                     "humaniverse/healthyr; names from ONS 'ICB names and codes, December 2024' via "
                     "jhau/nhs-spend) and the NHS England region of each ICB's sub-ICB locations (ODS "
                     "eccg.csv, jhau/nhs-spend; region codes from NHS Digital's Mental Health Bulletin "
                     "reference data)",
                     "https://github.com/jhau/nhs-spend/blob/e602ea98154e694e9afddca87e50caef0b8488b9/data/icb_names_codes_dec_2024.csv"),
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
    "electorate": 1, "parliament": 1, "government": 2, "national_body": 3, "regulator": 3,
    "regional_team": 4, "area_team": 5, "commissioner": 6, "local_authority": 6,
    "health_wellbeing_board": 6, "provider": 7, "patient_public": 7, "gp_practice": 8,
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


# Practice-name abbreviations written in capitals although they have no vowel.
NOT_INITIALS = {"DR", "DRS", "ST", "RD", "CTR", "HTH", "HLTH", "GRP", "LTD", "MC"}


def practice_name(bsa):
    """BSA's upper-case practice name -> display name: title case ('and', 'of', 'sub' ...
    lower case inside the name), keeping in capitals the parts that are initials or
    acronyms (no vowel, as TG, PMS, SK, PC892, save the abbreviations above), the word of
    up to three letters before '&' (MANTGANI AB & PARTNERS) and the initials that end the
    GP's name BSA appends after '_' (West Wirral Group Practice_Johnston AR)."""
    head, sep, tail = bsa.partition("_")

    def part(text, first, keep):
        letters = "".join(ch for ch in text if ch.isalpha())
        vowelless = letters and not any(ch in "AEIOUY" for ch in letters)
        if keep or (vowelless and len(letters) <= 4 and letters not in NOT_INITIALS):
            return text
        low = text.lower()
        if not first and low in SMALL_WORDS | {"sub"}:
            return low
        for k, ch in enumerate(low):
            if ch.isalpha():
                return low[:k] + ch.upper() + low[k + 1:]
        return low

    def words(text, initials_last):
        toks = text.split(" ")
        out = []
        for i, tok in enumerate(toks):
            letters = "".join(ch for ch in tok if ch.isalpha())
            keep = ((i + 1 < len(toks) and toks[i + 1] == "&" and 0 < len(letters) <= 3)
                    or (initials_last and i == len(toks) - 1 and i > 0))
            out.append("-".join(part(x, i == 0 and j == 0, keep)
                                for j, x in enumerate(tok.split("-"))))
        return " ".join(out)

    return words(head, False) + (sep + words(tail, True) if sep else "")


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
        self.practices = {r["practice_code"]: r for r in read(data_dir, "gp_practices.csv")}
        self.icbs = {r["icb_ods_code"]: r for r in read(data_dir, "icb_2022.csv")}

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
        need(len(self.practices) == 8027, "expected 8,027 practices, got %d" % len(self.practices))
        need(all(p["ccg_code"] in self.ccgs for p in self.practices.values()),
             "every practice's CCG is a 2013 CCG")
        need(len(self.icbs) == 42, "expected 42 ICBs, got %d" % len(self.icbs))
        need(all(r["icb_ods_code"] in self.icbs for r in self.ccg_icb.values()),
             "every CCG's ICB is in icb_2022.csv")
        need(all(t in self.trusts for t in FT_AUTHORISED_LATER), "later foundation trusts known")
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


def trust_org(t, latest_name=False):
    code = t["trust_ods_code"]
    ods_name = t["name_ods_latest"] if latest_name else (t["name_ods_2015"] or t["name_ods_latest"])
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
                        attributes={"caveat": "licensed the NHS foundation trusts from April 2013; "
                                              "which trusts were foundation trusts that day is "
                                              "deduced from the ODS names (see each trust's link)",
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
    el_orgs, el_links = electorates(d, d.la_region_2012)
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
    orgs += el_orgs
    links += el_links

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
        "authorities, each answering to its electorate (an apex of the local democratic line); and "
        "the %(trusts)d NHS trusts and foundation trusts open that day, each regulated by CQC. Codes and names come from ONS and NHS Organisation Data Service files "
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
        "change). (7) Not modelled: GP practices (no source in the facts links practices to PCTs, "
        "so 'accgraph diff' against england-2013.json reports the 2013 practices as added; compare "
        "with --types leaving gp_practice out), PCT clusters and the four SHA clusters (management "
        "arrangements; the PCTs and SHAs remained the statutory bodies), shadow CCGs and shadow "
        "health and wellbeing boards, the NHS Commissioning Board Authority and LINks. Region is a "
        "grouping key only: for a local authority and its electorate it is the SHA estimated to "
        "hold most of its LSOAs; trusts have none. No link is observed in fieldwork."
    ) % dict(counts, ndouble=len(counts["double"]),
             double=", ".join("%s %s" % (p, d.pcts[p]["pct_name"]) for p in counts["double"]))

    org_labels = {"parliament": "Parliament", "government": "Government department",
                  "regulator": "Regulator", "regional_team": "Strategic health authority",
                  "commissioner": "Primary care trust", "local_authority": "Local authority",
                  "provider": "NHS trust or foundation trust", "electorate": "Local electorate"}
    link_labels = {"statutory": "Statutory accountability", "regulatory": "Regulation",
                   "democratic": "Democratic accountability", "scrutiny": "Scrutiny"}
    return document("English NHS commissioning system, 1 April 2012 (PCT era)", as_of, desc,
                    orgs, links, org_labels, link_labels,
                    extra_sources=["tda_2012", "nhscb_2012"]), counts


# ---------------------------------------------------------------------------------------
# Electorates (both eras), arm's-length bodies, trust oversight and practices (2013)

def electorates(d, region_of):
    """Each upper-tier council's electorate, the apex of its democratic line."""
    orgs, links = [], []
    for la in sorted(d.las):
        name = area_name(d.las[la]["hwb_la_name"])
        orgs.append(org("elect_" + la, "Electorate of " + name, "electorate", region=region_of(la),
                        sources=["lga1972", "ons_utla_2017"],
                        attributes={"area_ons_code": la,
                                    "note": "the local government electors of the council's area"}))
        links.append(link("la_" + la, "elect_" + la, "democratic",
                          ["public health", "performance", "finance"],
                          "councillors elected by the local government electors of the area; the "
                          "council answers to them at each ordinary election",
                          "statute", "hard", ["lga1972"]))
    return orgs, links


def arms_length_2013():
    orgs = [
        org("tda", "NHS Trust Development Authority", "regulator", "England", valid_from="2012-06-01",
            sources=["tda_2012", "tda_directions_2013"],
            attributes={"note": "special health authority established 1 June 2012; oversight of the "
                                "NHS trusts that are not foundation trusts from 1 April 2013"}),
        org("nice", "National Institute for Health and Care Excellence", "national_body", "England",
            valid_from="2013-04-01", sources=["nice_2012"],
            attributes={"note": "non-departmental public body under Part 8 of the Health and Social "
                                "Care Act 2012; guidance and quality standards"}),
        org("phe", "Public Health England", "national_body", "England", valid_from="2013-04-01",
            sources=["phe_2013"],
            attributes={"note": "executive agency of the Department of Health"}),
        org("hee", "Health Education England", "national_body", "England", valid_from="2012-06-28",
            sources=["hee_2012"],
            attributes={"note": "special health authority (SI 2012/1273); education and training of "
                                "the NHS workforce"}),
        org("healthwatch_england", "Healthwatch England", "patient_public", "England",
            valid_from="2012-10-01", sources=["hwe_2012", "hwe_history"],
            attributes={"note": "statutory committee of the Care Quality Commission; advises the "
                                "Secretary of State, NHS England and local authorities, who must "
                                "respond in writing"}),
    ]
    links = [
        link("tda", "dh", "statutory", ["performance", "finance"],
             "special health authority acting under directions of the Secretary of State",
             "statute", "hard", ["tda_2012", "tda_directions_2013"]),
        link("nice", "dh", "statutory", ["quality", "performance", "finance"],
             "non-departmental public body: members appointed by the Secretary of State; annual "
             "report to the Secretary of State, laid before Parliament",
             "statute", "hard", ["nice_2012"]),
        link("phe", "dh", "managerial", ["public health", "performance", "finance"],
             "executive agency of the Department of Health: ministers set its strategic objectives",
             "constitution", "hard", ["phe_2013"]),
        link("hee", "dh", "statutory", ["performance", "finance"],
             "special health authority exercising its functions subject to the Secretary of "
             "State's directions",
             "statute", "hard", ["hee_2012"]),
        link("healthwatch_england", "cqc", "statutory", ["governance", "finance"],
             "a committee of the Care Quality Commission, which must arrange for it to exercise the "
             "Healthwatch England functions on its behalf",
             "statute", "soft", ["hwe_2012", "hwe_history"]),
    ]
    return orgs, links


# Trusts that the c. 2015 ODS file names foundation trusts but that were authorised after
# 1 April 2013, and the source that says so: code -> (first day as a foundation trust, source).
FT_AUTHORISED_LATER = {
    "RYR": ("2013-07-01", "ft_wsht_2013"),
    "RY2": ("2014-11-01", "ft_hsj_2014"),
    "RY8": ("2014-11-01", "ft_hsj_2014"),
    "RD1": ("2014-11-01", "ft_hsj_2014"),
    "RY7": ("2016-05-01", "cqc_ry7"),  # named a foundation trust in the "c. 2015" file already
}


def trust_status_2013(t):
    """(status, evidence): "foundation_trust" or "nhs_trust" on 1 April 2013.

    An NHS foundation trust cannot become an NHS trust again, so a trust that the c. 2015
    ODS file (or, for those closed before it, the ODS file at closure) does not name a
    foundation trust was an NHS trust on 1 April 2013.  One that it does name a foundation
    trust was one on that day unless the sources date its authorisation later."""
    code = t["trust_ods_code"]
    name, when = ((t["name_ods_2015"], "c. 2015") if t["name_ods_2015"]
                  else (t["name_ods_latest"], "at its closure"))
    if code in FT_AUTHORISED_LATER:
        return "nhs_trust", "authorised as a foundation trust from %s" % FT_AUTHORISED_LATER[code][0]
    if "FOUNDATION TRUST" in name:
        return "foundation_trust", ("named a foundation trust in the ODS file %s; no source dates "
                                    "its authorisation after 1 April 2013" % when)
    return "nhs_trust", "not named a foundation trust in the ODS file %s" % when


def trust_oversight_link(t):
    status, evidence = trust_status_2013(t)
    code = t["trust_ods_code"]
    src = ["ods_trusts_2015"] if t["name_ods_2015"] else ["ods_trusts"]
    if code in FT_AUTHORISED_LATER:
        src.append(FT_AUTHORISED_LATER[code][1])
    if status == "foundation_trust":
        return link("trust_" + code, "monitor", "regulatory", ["finance", "governance", "performance"],
                    "Monitor provider licence (continuity of services and foundation trust "
                    "governance conditions) and risk assessment framework",
                    "licence", "hard", ["hsca2012", "monitor_licence"] + src,
                    {"foundation_trust_evidence": evidence})
    return link("trust_" + code, "tda", "regulatory", ["finance", "quality", "performance", "governance"],
                "NHS TDA oversight of NHS trusts (accountability framework, planning, board "
                "appointments, foundation trust pipeline) under directions of the Secretary of State",
                "statute", "hard", ["tda_2012", "tda_directions_2013"] + src,
                {"foundation_trust_evidence": evidence})


def practices_2013(d):
    """Every practice of gp_practices.csv, a member of its CCG, under contract to NHS England
    through the CCG's area team and registered with CQC."""
    orgs, links = [], []
    for code in sorted(d.practices):
        p = d.practices[code]
        ccg = d.ccgs[p["ccg_code"]]
        attrs = {"ccg_code": p["ccg_code"], "registered_patients_2013q1": int(p["registered_patients"]),
                 "postcode_2015": p["postcode"], "list_size_quarter": p["as_of"],
                 "name_bsa_2013": p["practice_name"]}
        sources = ["bsa_lists_2013", "ods_practices_2015"]
        valid_to = None
        if p["close_date"]:
            attrs["ods_close_date"] = p["close_date"]
            valid_to = day_after(p["close_date"])
            sources.append("ods_practices_2016")
        orgs.append(org("gp_" + code, practice_name(p["practice_name"]), "gp_practice",
                        region=ccg["region_name"], valid_from=p["open_date"] or None,
                        valid_to=valid_to, sources=sources, attributes=attrs))
        gp, cc = "gp_" + code, "ccg_" + p["ccg_code"]
        links.append(link(gp, cc, "membership", ["governance", "performance"],
                          "member practice of the CCG under the CCG's constitution",
                          "constitution", "soft", ["bsa_lists_2013", "ods_practices_2015", "hsca2012"]))
        links.append(link(cc, gp, "membership", ["governance"],
                          "the CCG's governing body accounts to its member practices under the "
                          "CCG's constitution",
                          "constitution", "soft", ["bsa_lists_2013", "hsca2012"]))
        links.append(link(gp, "at_" + ccg["area_team_ods_code"], "contractual",
                          ["quality", "performance", "finance"],
                          "primary medical services contract (GMS, PMS or APMS; the form is not in "
                          "the data) held by NHS England and managed by the area team",
                          "contract", "hard", ["hsca2012", "nhscb_2012"]))
        links.append(link(gp, "cqc", "regulatory", ["quality", "safety"],
                          "CQC registration of providers of primary medical services, required from "
                          "1 April 2013",
                          "statute", "hard", ["hsca2008", "cqc_gp_2013"]))
    return orgs, links


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
            links.append(link("hwb_" + la, "ccg_" + c, "partnership",
                              ["public health", "governance"],
                              "the CCG is a member of the board (Health and Social Care Act 2012 s. "
                              "194(2)(e)); the joint strategic needs assessment and joint health and "
                              "wellbeing strategy are prepared jointly by the council and its CCGs",
                              "statute", "soft", ["hsca2012", "lgpiha2007"] + src, attrs))
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
        links.append(trust_oversight_link(t))

    alb_orgs, alb_links = arms_length_2013()
    orgs[5:5] = alb_orgs
    links[5:5] = alb_links
    el_orgs, el_links = electorates(d, d.la_region_2013)
    orgs += el_orgs
    links += el_links
    gp_orgs, gp_links = practices_2013(d)
    orgs += gp_orgs
    links += gp_links

    multi_la = sum(1 for c in d.ccgs if len(d.ccg13_las(c)) > 1)
    statuses = [trust_status_2013(t)[0] for t in trusts]
    counts = {"ccgs": len(d.ccgs), "ccg_la": len(ccg_la_links), "multi_la": multi_la,
              "trusts": len(trusts), "practices": "{:,}".format(len(gp_orgs)),
              "fts": statuses.count("foundation_trust"), "nhs_trusts": statuses.count("nhs_trust"),
              "succ": {k: sum(1 for v in succession.values() if v == k)
                       for k in sorted(set(succession.values()))}}
    desc = (
        "The English NHS commissioning system on 1 April 2013, the day the Health and Social Care "
        "Act 2012 system went live: Parliament; the Department of Health (with the Secretary of "
        "State, one organisation here); NHS England (the NHS Commissioning Board), accountable to "
        "the Secretary of State through the mandate, with its 4 regional teams and 25 area teams; "
        "the national bodies sponsored by the Department (Care Quality Commission with its "
        "Healthwatch England committee, Monitor, NHS Trust Development Authority, National "
        "Institute for Health and Care Excellence, Public Health England, Health Education "
        "England); the %(ccgs)d clinical commissioning groups (CCGs), each accountable to NHS "
        "England through its area team (CCG assurance); the %(practices)s GP practices, each a "
        "member of its CCG (a membership link each way: the practice bound by the CCG's "
        "constitution, the governing body accountable to its members), under contract to NHS "
        "England through the area team and registered with CQC; the 152 upper-tier local "
        "authorities, each answering to its electorate (an apex), and their health and wellbeing "
        "boards (HWBs), each CCG linked to the HWB of every authority its area overlaps (a "
        "statutory link to the board and a partnership link back) and scrutinised by that "
        "authority; and the %(trusts)d NHS trusts and foundation trusts open that day, each "
        "regulated by CQC and overseen by Monitor (%(fts)d foundation trusts) or the NHS Trust "
        "Development Authority (%(nhs_trusts)d NHS trusts). Each CCG lists in 'succeeds' the PCTs "
        "it replaced (ids as in england-2012.json), so that 'accgraph diff england-2012.json "
        "england-2013.json' matches organisations across the two eras. Codes and names come from "
        "ONS, NHS Organisation Data Service and NHS Business Services Authority files (see "
        "sources); the legal relationships from the Acts and regulations cited. The file is "
        "generated by graphs/build-england.py from graphs/facts, whose SOURCES.md gives every "
        "file's provenance. Caveats: (1) CCG-authority links (%(ccg_la)d pairs; %(multi_la)d CCGs "
        "span more than one authority) come from the July 2015 CCG configuration (LSOA best "
        "fit), not a 2013 lookup: minor 2013-2015 boundary changes are not captured. (2) 13T (NHS "
        "Newcastle Gateshead, 2015) is not a 2013 CCG: its authorities and PCTs are given to the "
        "three CCGs it merged by name (00F NHS Gateshead -> Gateshead; 00G NHS Newcastle North and "
        "East and 00H NHS Newcastle West -> Newcastle upon Tyne), flagged on each. (3) Succession "
        "comes from a PCT-to-CCG lookup of 2015-2018 CCGs giving each PCT's postcode share per "
        "CCG; every PCT with any share is listed, so the smallest shares (boundary slivers of "
        "under 5%% of a PCT's postcodes) count as splits. (4) ONS and ODS code London as one area "
        "team (Q71); NHS England ran it as three, which are not modelled (no source in the facts "
        "gives their CCGs). (5) Foundation trust status on the day is deduced, each link saying "
        "how: a trust the c. 2015 ODS file (or the ODS file at its closure) does not name a "
        "foundation trust was an NHS trust (the status is not given up); one it names a "
        "foundation trust is taken to have been one already, except the five the sources date "
        "later (Western Sussex Hospitals, 1 July 2013; Bridgewater Community Healthcare, "
        "Derbyshire Community Health Services and Royal United Hospital Bath, 1 November 2014; "
        "Wirral Community, 1 May 2016, which the file already names a foundation trust, so its "
        "names may anticipate an authorisation). The sources do not cover authorisations from 2 "
        "April to 30 June 2013 or after 1 November 2014: a trust authorised then would be shown "
        "under Monitor instead of the TDA, so the count of foundation trusts is an upper bound. "
        "Commissioner-provider contracts are not in the facts and are left out. Three Welsh "
        "trusts in the ODS file are left out. Trust names are the c. 2015 ODS names. (6) Practices "
        "are those with registered patients in the NHS Business Services Authority list-size "
        "report for April-June 2013 (the day in the quarter is not stated; selection rules in "
        "SOURCES.md); their CCG is BSA's prescribing attachment, confirmed by the ODS commissioner "
        "for nearly all, not a statutory membership register. Names are BSA's, title-cased (the "
        "exact string is kept). (7) Left out: commissioning support units (no CCG mapping in the "
        "facts), local Healthwatch (no list in the facts), councils' overview and scrutiny "
        "committees as separate bodies (the scrutiny link goes to the council), the NHS England "
        "contracts for specialised services, and the financial lines from central government to "
        "councils. (8) Local authority codes and areas are those of the ONS 2017 lookup. Region "
        "is a grouping key only: for a local authority, its electorate and its HWB it is the NHS "
        "England region holding most of its LSOAs; a practice takes its CCG's; trusts have none. "
        "Area teams and regions are parts of NHS England, not separate legal bodies. No link is "
        "observed in fieldwork."
    ) % counts

    org_labels = {"parliament": "Parliament", "government": "Government department",
                  "national_body": "National NHS body", "regulator": "Regulator",
                  "regional_team": "NHS England regional team", "area_team": "NHS England area team",
                  "commissioner": "Clinical commissioning group", "local_authority": "Local authority",
                  "health_wellbeing_board": "Health and wellbeing board",
                  "provider": "NHS trust or foundation trust", "gp_practice": "GP practice",
                  "patient_public": "Healthwatch", "electorate": "Local electorate"}
    link_labels = {"statutory": "Statutory accountability",
                   "managerial": "Line management within an organisation",
                   "regulatory": "Regulation", "democratic": "Democratic accountability",
                   "scrutiny": "Scrutiny", "membership": "Membership", "contractual": "Contract",
                   "partnership": "Partnership"}
    return document("English NHS commissioning system, 1 April 2013", as_of, desc, orgs, links,
                    org_labels, link_labels), counts


# ---------------------------------------------------------------------------------------
# 2022

def build_2022(d):
    as_of = "2022-07-01"
    orgs = [
        org("parliament", "Parliament of the United Kingdom", "parliament", "England",
            sources=["nhsa2006"]),
        org("dh", "Department of Health and Social Care (Secretary of State for Health and Social "
            "Care)", "government", "England", sources=["nhsa2006", "dhsc_2018"],
            attributes={"note": "the Department of Health until January 2018"}),
        org("nhse", "NHS England", "national_body", "England", valid_from="2012-10-01",
            sources=["hsca2012", "nhscb_2012", "hsca2022"],
            attributes={"ods_code": "X24", "legal_name": "NHS Commissioning Board",
                        "note": "from 1 July 2022 also exercises the functions of Monitor and the "
                                "NHS Trust Development Authority, both abolished"}),
        org("cqc", "Care Quality Commission", "regulator", "England", sources=["hsca2008"],
            attributes={"note": "registers and inspects providers of regulated activities, "
                                "including every NHS trust and foundation trust"}),
    ]
    links = [
        link("dh", "parliament", "democratic", ["finance", "quality", "performance", "outcomes"],
             "ministerial responsibility to Parliament for the health service in England (NHS Act "
             "2006 s. 1); questions, select committees, supply estimates",
             "constitution", "hard", ["nhsa2006"]),
        link("nhse", "dh", "statutory", ["finance", "quality", "performance", "outcomes"],
             "the mandate set by the Secretary of State (NHS Act 2006 s. 13A); annual assessment "
             "of NHS England; powers of direction",
             "statute", "hard", ["nhsa2006", "hsca2022"]),
        link("nhse", "parliament", "scrutiny", ["finance", "performance"],
             "annual report and accounts laid before Parliament; select committee evidence",
             "statute", "soft", ["nhsa2006"]),
        link("cqc", "dh", "statutory", ["quality", "performance", "finance"],
             "arm's-length body sponsored by the Department; chair and members appointed by the "
             "Secretary of State; annual report laid before Parliament",
             "statute", "hard", ["hsca2008"]),
    ]
    regions = {}
    for i in d.icbs.values():
        regions[i["nhs_region_ods_code"]] = (i["nhs_region_ons_code"], i["nhs_region_name"])
    for g in sorted(regions):
        ons, name = regions[g]
        orgs.append(org("region_" + g, "NHS England %s region" % name, "regional_team", region=name,
                        sources=["ons_icb_2022"],
                        attributes={"ods_code": g, "ons_code": ons,
                                    "n_icbs": sum(1 for i in d.icbs.values()
                                                  if i["nhs_region_ods_code"] == g),
                                    "note": "part of NHS England, not a separate legal body"}))
        links.append(link("region_" + g, "nhse", "managerial", ["finance", "quality", "performance"],
                          "line management within NHS England (region reports to the national "
                          "directorate and board)",
                          "constitution", "hard", ["ons_icb_2022"]))
    ccg21 = defaultdict(set)
    ccg13 = defaultdict(set)
    for c, r in d.ccg_icb.items():
        ccg21[r["icb_ods_code"]].add(r["successor_ccg21_ods_code"])
        ccg13[r["icb_ods_code"]].add(c)
    for code in sorted(d.icbs):
        i = d.icbs[code]
        preds = sorted(ccg21[code] | ccg13[code])
        orgs.append(org("icb_" + code, i["icb_name"], "commissioner", region=i["nhs_region_name"],
                        valid_from="2022-07-01", succeeds=["ccg_" + c for c in preds],
                        sources=["hsca2022", "ons_icb_2022", "mhb_ccg_2021", "ods_ccg"],
                        attributes={"ods_code": code, "ons_code": i["icb22_ons_code"],
                                    "n_ccgs_at_30jun2022": int(i["n_ccgs_at_30jun2022"]),
                                    "predecessor_ccgs_2021": " ".join(sorted(ccg21[code])),
                                    "predecessor_ccgs_2013": " ".join(sorted(ccg13[code]))}))
        links.append(link("icb_" + code, "region_" + i["nhs_region_ods_code"], "statutory",
                          ["finance", "quality", "performance", "outcomes", "governance"],
                          "NHS England's annual performance assessment of the ICB and its powers of "
                          "direction (NHS Act 2006 as amended by the Health and Care Act 2022), "
                          "exercised through the regional team",
                          "statute", "hard", ["hsca2022", "nhsa2006", "ons_icb_2022"],
                          {"note": "the statutory duty runs to NHS England; the region exercises it"}))
    trusts = d.trusts_on(as_of)
    for t in trusts:
        o = trust_org(t, latest_name=True)
        orgs.append(o)
        links.append(trust_cqc_link(t))
        links.append(link("trust_" + t["trust_ods_code"], "nhse", "regulatory",
                          ["finance", "quality", "performance", "governance"],
                          "oversight of NHS trusts and foundation trusts by NHS England, which took "
                          "over the functions of Monitor and the NHS Trust Development Authority on "
                          "1 July 2022",
                          "statute", "hard", ["hsca2022"]))
    counts = {"icbs": len(d.icbs), "regions": len(regions), "trusts": len(trusts),
              "ccg21": len({c for v in ccg21.values() for c in v})}
    desc = (
        "The English NHS commissioning system on 1 July 2022, the day the Health and Care Act 2022 "
        "abolished the clinical commissioning groups and established the integrated care boards "
        "(ICBs): Parliament; the Department of Health and Social Care (Secretary of State); NHS "
        "England, which from that day also exercises the functions of Monitor and the NHS Trust "
        "Development Authority (both abolished), accountable to the Secretary of State through the "
        "mandate, with its %(regions)d regions; the %(icbs)d ICBs, each accountable to NHS England "
        "through its region; the Care Quality Commission; and the %(trusts)d NHS trusts and "
        "foundation trusts of the 1 April 2013 list still open that day, each regulated by CQC and "
        "overseen by NHS England. Each ICB lists in 'succeeds' the %(ccg21)d CCGs of April 2021 it "
        "replaced and the 2013 CCGs those had succeeded (ids as in england-2013.json), so that "
        "'accgraph diff england-2013.json england-2022.json' matches organisations across the two "
        "eras. Codes and names come from ONS and NHS Organisation Data Service files (see "
        "sources). The file is generated by graphs/build-england.py. Caveats: (1) the trusts are "
        "those of the ODS list of trusts open on 1 April 2013; trusts established after that day "
        "(mergers and new trusts, 2013-2022) are not in the facts and are missing, so the provider "
        "tier is incomplete; trust names are the c. 2025 ODS names. (2) Local authorities, health "
        "and wellbeing boards, integrated care partnerships, GP practices and primary care "
        "networks are left out: no 2022 list of them is in the facts (the 2017 list of "
        "authorities predates the 2019-2021 reorganisations in Dorset, Buckinghamshire and "
        "Northamptonshire). (3) Succession is by organisation code: the July 2022 boundary "
        "changes that moved part of a former CCG area to another ICB (Bassetlaw, Glossop, West "
        "Birmingham) are not represented. (4) Commissioner-provider contracts are not in the "
        "facts. Regions and their ICBs come from the ODS parent of each ICB's sub-ICB locations. "
        "No link is observed in fieldwork."
    ) % counts
    org_labels = {"parliament": "Parliament", "government": "Government department",
                  "national_body": "National NHS body", "regulator": "Regulator",
                  "regional_team": "NHS England region", "commissioner": "Integrated care board",
                  "provider": "NHS trust or foundation trust"}
    link_labels = {"statutory": "Statutory accountability",
                   "managerial": "Line management within an organisation",
                   "regulatory": "Regulation", "democratic": "Democratic accountability",
                   "scrutiny": "Scrutiny"}
    return document("English NHS commissioning system, 1 July 2022 (ICB era)", as_of, desc, orgs,
                    links, org_labels, link_labels), counts


# ---------------------------------------------------------------------------------------
# Writing: the CSV pair and base document that `accgraph import` turns into the system

ORG_COLUMNS = ["id", "name", "type", "region", "valid_from", "valid_to", "succeeds", "sources"]
LINK_COLUMNS = ["from", "to", "type", "for", "weight", "mechanism", "label", "basis", "sanction",
                "observed", "valid_from", "valid_to", "sources"]


def cell(v):
    """One CSV cell as import.h reads it: lists joined by '|', no empty strings."""
    if isinstance(v, list):
        assert all(isinstance(x, str) and x and "|" not in x for x in v), v
        return "|".join(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    assert isinstance(v, str) and v and not v.startswith("'"), repr(v)
    return v


def kind(v):
    return "boolean" if isinstance(v, bool) else "number" if isinstance(v, (int, float)) else "string"


def write_csv(path, rows, columns):
    """rows: dicts of the format's members and an "attributes" dict; each attribute becomes a
    column NAME:KIND (its kind fixed, not guessed), in order of first appearance."""
    attrs = {}
    for r in rows:
        for k, v in r.get("attributes", {}).items():
            assert attrs.setdefault(k, kind(v)) == kind(v), "attribute %s of two kinds" % k
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columns + ["%s:%s" % (k, t) for k, t in attrs.items()])
        for r in rows:
            a = r.get("attributes", {})
            w.writerow([cell(r[c]) if r.get(c) is not None and r.get(c) != [] else ""
                        for c in columns] +
                       [cell(a[k]) if k in a else "" for k in attrs])


def write_import_files(out_dir, doc):
    """OUT_DIR/base.json (everything but organisations and links), organisations.csv, links.csv."""
    os.makedirs(out_dir, exist_ok=True)
    base = dict(doc, organisations=[], links=[])
    with open(os.path.join(out_dir, "base.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(base, indent=2, ensure_ascii=False) + "\n")
    write_csv(os.path.join(out_dir, "organisations.csv"), doc["organisations"], ORG_COLUMNS)
    write_csv(os.path.join(out_dir, "links.csv"), doc["links"], LINK_COLUMNS)


def main(argv):
    if len(argv) != 3 or argv[1] in ("-h", "--help"):
        sys.stderr.write("usage: build-england.py FACTS_DIR OUT_DIR\n")
        return 2
    d = Data(argv[1])
    for name, build in (("england-2012", build_2012), ("england-2013", build_2013),
                        ("england-2022", build_2022)):
        doc, _ = build(d)
        write_import_files(os.path.join(argv[2], name), doc)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
