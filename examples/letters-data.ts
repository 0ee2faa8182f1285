// The sample letters: SYNTHETIC hospital correspondence to the sample practice, written for
// Postroom's demo and tests. Clinically plausible, deliberately varied (discharge summaries,
// clinic letters, ED letters, results, mental health, admin) and spread over every format the
// server receives. Not real patients, clinicians or hospitals; not clinical guidance.
// Section titles follow the PRSB headings where a real letter would use them, so the structured
// renderings get heading codes.

export type SampleFormat = 'txt' | 'html' | 'pdf' | 'json' | 'xml';
export type LetterKind = 'discharge' | 'outpatient' | 'emergency' | 'mental-health' | 'results' | 'admin';

export interface Sender {
  ods: string;
  name: string;
  site: string;
  line: string;
  postcode: string;
  phone: string;
  /** local hospital-number prefix */
  mrn: string;
}

export const SENDERS = {
  hbgh: { ods: 'R9Q01', name: 'Hartley Bridge Teaching Hospitals NHS Trust', site: 'Hartley Bridge General Hospital', line: 'Infirmary Road', postcode: 'HB2 1HG', phone: '01632 960 100', mrn: 'HBG' },
  aldhelm: { ods: 'R9Q02', name: 'Hartley Bridge Teaching Hospitals NHS Trust', site: "St Aldhelm's Hospital", line: 'Abbey Road', postcode: 'HB5 2AA', phone: '01632 960 200', mrn: 'STA' },
  moorside: { ods: 'R9V01', name: 'Moorside Mental Health NHS Foundation Trust', site: 'Moorside Centre', line: 'Moorside Lane', postcode: 'HB3 4MM', phone: '01632 960 300', mrn: 'MMH' },
} satisfies Record<string, Sender>;

export interface SampleLetter {
  /** file name without extension */
  name: string;
  format: SampleFormat;
  /** id of the patient in practice-data.ts */
  patient: string;
  sender: keyof typeof SENDERS;
  kind: LetterKind;
  /** clinical specialty / service as the letter names it */
  service: string;
  date: string;
  title: string;
  author: { name: string; role: string };
  sections: [title: string, body: string][];
  /** Demographics as printed when they deliberately differ from the register (a sending error). */
  printed?: { birthDate?: string };
  /** What patient matching should conclude (default 'matched'). */
  expect?: 'matched' | 'unmatched';
}

export const LETTERS: SampleLetter[] = [
  {
    name: '01-discharge-af-apixaban', format: 'xml', patient: 'pt-01', sender: 'hbgh', kind: 'discharge', service: 'Cardiology', date: '2026-11-03',
    title: 'Cardiology Inpatient Discharge Summary', author: { name: 'Dr Oluwaseun Bankole', role: 'Cardiology Registrar' },
    sections: [
      ['Admission details', 'Admitted 30/10/2026 via the Emergency Department with palpitations and breathlessness. Discharged 03/11/2026 to usual residence.'],
      ['Diagnoses', 'Primary: Atrial fibrillation, new onset, fast ventricular response.\nSecondary: Hypertension (known). Chronic kidney disease stage 3a (known).'],
      ['Clinical summary', 'Mrs Ashdown presented with two days of palpitations. ECG showed atrial fibrillation at 138 bpm. Rate controlled with bisoprolol. Echocardiogram showed a mildly dilated left atrium with preserved LV function (EF 55%). CHA2DS2-VASc 5, ORBIT 1: anticoagulation started after discussion. TSH normal.'],
      ['Medications and medical devices', 'Apixaban 2.5 mg twice daily - NEW (dose reduced for age over 80 and creatinine 136).\nBisoprolol 2.5 mg once daily - NEW.\nAmlodipine 5 mg once daily - unchanged.\nAspirin 75 mg once daily - STOPPED (now anticoagulated).'],
      ['Allergies and adverse reactions', 'Penicillin - rash.'],
      ['Plan and requested actions', 'GP: please check U&E and full blood count in 2 weeks and review the apixaban dose against renal function.\nGP: please review heart rate and blood pressure in 4 weeks; titrate bisoprolol if resting rate above 110.\nHospital: cardiology clinic follow-up in 3 months.'],
      ['Information and advice given', 'Anticoagulation counselling and alert card given. Advised to seek help for any bleeding or black stools.'],
    ],
  },
  {
    name: '02-clinic-diabetes-review', format: 'txt', patient: 'pt-02', sender: 'hbgh', kind: 'outpatient', service: 'Diabetes and Endocrinology', date: '2026-11-04',
    title: 'Diabetes Clinic Letter', author: { name: 'Dr Marianne Kessler', role: 'Consultant Diabetologist' },
    sections: [
      ['Diagnosis', 'Type 2 diabetes mellitus, suboptimal control (HbA1c 74 mmol/mol)\nDiabetic retinopathy, background, both eyes\nObesity (BMI 34)'],
      ['History', 'Mr Pilkington attended with his wife. He reports good adherence to metformin and gliclazide but frequent snacking on night shifts. No hypoglycaemia. Feet: no ulcers, monofilament sensation intact.'],
      ['Medication changes', 'Started: semaglutide 0.25 mg once weekly subcutaneous injection for 4 weeks, then 0.5 mg weekly.\nGliclazide reduced from 80 mg twice daily to 40 mg twice daily to lower the risk of hypoglycaemia.\nMetformin 1 g twice daily continues.'],
      ['Plan', 'Please repeat HbA1c in 3 months.\nPlease increase semaglutide to 0.5 mg weekly after 4 weeks if tolerated, and continue prescribing.\nWe will see him again in the diabetes clinic in 6 months.'],
    ],
  },
  {
    name: '03-ed-head-injury', format: 'html', patient: 'pt-03', sender: 'hbgh', kind: 'emergency', service: 'Emergency Department', date: '2026-11-05',
    title: 'Emergency Department Attendance', author: { name: 'Dr Callum Reid', role: 'ED Speciality Doctor' },
    sections: [
      ['Presenting complaint', 'Fall from bicycle, struck head, no loss of consciousness. Wearing a helmet.'],
      ['Examination findings', 'GCS 15/15. No focal neurological deficit. Small abrasion left forehead. Cervical spine cleared clinically (Canadian C-spine rule).'],
      ['Diagnosis', 'Minor head injury. Abrasion of forehead.'],
      ['Treatment', 'Wound cleaned and closed with adhesive strips. Paracetamol given.'],
      ['Plan and requested actions', 'Discharged home with head injury advice. No GP action required. Return if vomiting, worsening headache or drowsiness.'],
    ],
  },
  {
    name: '04-discharge-nstemi', format: 'json', patient: 'pt-04', sender: 'hbgh', kind: 'discharge', service: 'Cardiology', date: '2026-11-06',
    title: 'Cardiology Discharge Summary', author: { name: 'Dr Oluwaseun Bankole', role: 'Cardiology Registrar' },
    sections: [
      ['Admission details', 'Emergency admission 01/11/2026 with central chest pain at rest. Discharged 06/11/2026.'],
      ['Diagnoses', 'Non-ST elevation myocardial infarction.\nHypercholesterolaemia.\nCurrent smoker (20 cigarettes per day).'],
      ['Procedures', 'Coronary angiography and percutaneous coronary intervention with drug-eluting stent to the left anterior descending artery, 02/11/2026.'],
      ['Clinical summary', 'Troponin rise 48 to 2210 ng/L. Angiogram showed a 90% proximal LAD stenosis, stented via the right radial artery without complication. Echo: mild anterior hypokinesia, EF 48%.'],
      ['Medications and medical devices', 'Aspirin 75 mg once daily - NEW, lifelong.\nTicagrelor 90 mg twice daily - NEW, for 12 months (until November 2027), then stop.\nAtorvastatin 80 mg once night - NEW.\nBisoprolol 1.25 mg once daily - NEW.\nRamipril 2.5 mg once daily - NEW.\nLansoprazole 15 mg once daily - NEW, gastroprotection while on dual antiplatelet therapy.\nGlyceryl trinitrate spray 400 micrograms as required - NEW.'],
      ['Plan and requested actions', 'GP: please check renal function and potassium 1-2 weeks after starting ramipril, then up-titrate ramipril as tolerated.\nGP: please refer to smoking cessation services.\nCardiac rehabilitation referral made by the ward.\nCardiology outpatient review in 6-8 weeks.'],
      ['Information and advice given', 'Do not drive for 1 week. DVLA informed not required for group 1 licence after successful PCI.'],
    ],
  },
  {
    name: '05-results-lipids-lfts', format: 'txt', patient: 'pt-05', sender: 'hbgh', kind: 'results', service: 'Clinical Biochemistry', date: '2026-11-06',
    title: 'Results Letter', author: { name: 'Dr Hamish Crawford', role: 'Consultant Chemical Pathologist' },
    sections: [
      ['Results', 'Total cholesterol 7.9 mmol/L, LDL cholesterol 5.6 mmol/L, HDL 1.2 mmol/L, triglycerides 2.4 mmol/L.\nALT 31 U/L, bilirubin 9 umol/L, TSH 2.1 mU/L, HbA1c 39 mmol/mol.'],
      ['Comment', 'LDL cholesterol above 5.0 mmol/L with a family history of premature coronary disease (father, myocardial infarction aged 48). The Simon Broome criteria for possible familial hypercholesterolaemia are met.'],
      ['Recommendation', 'Please consider referral to the lipid clinic for genetic testing, and start high-intensity statin therapy (atorvastatin 20 mg) if not contraindicated. Please repeat lipids in 3 months.'],
    ],
  },
  {
    name: '06-discharge-hip-fracture', format: 'pdf', patient: 'pt-09', sender: 'hbgh', kind: 'discharge', service: 'Trauma and Orthopaedics', date: '2026-11-07',
    title: 'Orthogeriatric Discharge Summary', author: { name: 'Dr Sinead Farrelly', role: 'Orthogeriatric Consultant' },
    sections: [
      ['Admission details', 'Admitted 26/10/2026 after a fall at her care home. Discharged 07/11/2026 back to Elmfield Care Home.'],
      ['Diagnoses', 'Fracture of neck of femur, right, intracapsular, displaced.\nDelirium, resolved.\nOsteoporosis (presumed, fragility fracture).\nAlzheimer\'s disease (known).'],
      ['Procedures', 'Right hip hemiarthroplasty, 27/10/2026.'],
      ['Clinical summary', 'Uncomplicated surgery. Post-operative hypoactive delirium resolved by day 5. Mobilising with a zimmer frame and one carer. Haemoglobin 96 g/L on discharge (from 124). Vitamin D 21 nmol/L.'],
      ['Medications and medical devices', 'Colecalciferol 20,000 units once weekly for 7 weeks - NEW, then colecalciferol with calcium (Adcal-D3) one tablet twice daily.\nAlendronic acid 70 mg once weekly - NEW, start after the colecalciferol loading course.\nEnoxaparin 40 mg subcutaneously once daily - NEW, until 24/11/2026 (28 days after surgery).\nDonepezil 10 mg once night - unchanged.\nZopiclone 3.75 mg - STOPPED (falls risk).'],
      ['Plan and requested actions', 'GP: please repeat full blood count in 2 weeks.\nGP: please arrange a dental review before the alendronic acid is continued long term if not seen in the last year.\nCare home: staples out at day 14 by the practice nurse (due 10/11/2026).\nFracture clinic follow-up is not required.'],
    ],
  },
  {
    name: '07-clinic-paediatric-asthma', format: 'html', patient: 'pt-07', sender: 'aldhelm', kind: 'outpatient', service: 'Paediatrics', date: '2026-11-09',
    title: 'Paediatric Respiratory Clinic', author: { name: 'Dr Anjali Menon', role: 'Consultant Paediatrician' },
    sections: [
      ['Diagnosis', 'Asthma, partially controlled.\nAllergic rhinitis.'],
      ['History', 'Chloe attended with her mother. Night-time cough 3 times a week and salbutamol use most days. Inhaler technique with the spacer was poor and has been corrected. Exposure to second-hand smoke at her father\'s house.'],
      ['Medication changes', 'Stopped: beclometasone 100 micrograms two puffs twice daily.\nStarted: Symbicort 100/6 (budesonide/formoterol) one puff twice daily as maintenance and reliever (MART).\nContinue: cetirizine 10 mg once daily.'],
      ['Plan', 'Please issue a personalised asthma action plan at the next asthma review.\nPlease offer the annual influenza vaccine.\nReview in paediatric clinic in 4 months.'],
    ],
  },
  {
    name: '08-ed-overdose', format: 'txt', patient: 'pt-14', sender: 'hbgh', kind: 'emergency', service: 'Emergency Department', date: '2026-11-09',
    title: 'Emergency Department Discharge Letter', author: { name: 'Dr Rosa Lindqvist', role: 'ED Registrar' },
    sections: [
      ['Presenting complaint', 'Intentional overdose of 24 paracetamol 500 mg tablets and alcohol approximately 6 hours before arrival, after an argument with his partner.'],
      ['Assessment', 'Paracetamol level 142 mg/L at 6 hours, above the treatment line. ALT 38, INR 1.1. Treated with acetylcysteine (SNAP regimen); repeat bloods normal.\nSeen by the Liaison Psychiatry team: ongoing suicidal thoughts denied, low mood for 3 months, drinking 40 units per week.'],
      ['Diagnosis', 'Intentional paracetamol overdose.\nLow mood.\nHarmful alcohol use.'],
      ['Safeguarding', 'He discloses that his partner has been controlling and verbally abusive. Domestic abuse advice given and a referral made to the Independent Domestic Violence Advisor (IDVA) service with his consent.'],
      ['Plan', 'URGENT: please see within 1 week to review mood and risk.\nPlease consider starting an antidepressant; he agrees to discuss this with you.\nPlease refer to the community alcohol service.\nCrisis team number given.'],
    ],
  },
  {
    name: '09-clinic-breast-cancer', format: 'json', patient: 'pt-25', sender: 'aldhelm', kind: 'outpatient', service: 'Breast Surgery', date: '2026-11-10',
    title: 'Breast Clinic Letter', author: { name: 'Miss Catriona Bell', role: 'Consultant Breast Surgeon' },
    sections: [
      ['Diagnoses', 'Carcinoma of left breast, invasive ductal, grade 2, 22 mm, ER positive, HER2 negative.'],
      ['History', 'Referred on the suspected cancer pathway with a left breast lump. Triple assessment: mammogram and ultrasound M5/U5, core biopsy confirms invasive ductal carcinoma. Axillary ultrasound normal.'],
      ['Plan and requested actions', 'Wide local excision and sentinel lymph node biopsy planned for 24/11/2026.\nShe will then be referred to oncology for radiotherapy and endocrine therapy.\nGP: no action needed before surgery; please note the diagnosis. Her breast care nurse is Julie Armitage (01632 960 245).'],
      ['Information and advice given', 'Diagnosis discussed with Mrs Begum and her daughter; Macmillan information given.'],
    ],
  },
  {
    name: '10-dna-notice', format: 'txt', patient: 'pt-22', sender: 'hbgh', kind: 'admin', service: 'Gastroenterology', date: '2026-11-10',
    title: 'Did Not Attend Notification', author: { name: 'Outpatient Booking Team', role: 'Administration' },
    sections: [
      ['Appointment', 'Naomi did not attend her gastroenterology outpatient appointment on 09/11/2026 at 14:20 (referral for iron deficiency anaemia).'],
      ['Action', 'In line with the Trust access policy she has been offered one further appointment on 07/12/2026 at 10:40. If she does not attend, she will be discharged back to your care. Please contact her if you have any concerns.'],
    ],
  },
  {
    name: '11-mh-discharge-psychosis', format: 'xml', patient: 'pt-08', sender: 'moorside', kind: 'mental-health', service: 'Adult Mental Health', date: '2026-11-11',
    title: 'Mental Health Inpatient Discharge Summary', author: { name: 'Dr Eleni Markou', role: 'Consultant Psychiatrist' },
    sections: [
      ['Admission details', 'Admitted 14/10/2026 under Section 2 of the Mental Health Act 1983; converted to informal status on 28/10/2026. Discharged 11/11/2026.'],
      ['Diagnoses', 'Acute psychotic episode, first presentation.\nCannabis use.'],
      ['Clinical summary', 'Mr Boateng presented with persecutory delusions and auditory hallucinations after several weeks of sleep loss and daily cannabis use. Symptoms improved on aripiprazole. Baseline ECG normal (QTc 412 ms). No ongoing risk to self or others at discharge.'],
      ['Medications and medical devices', 'Aripiprazole 10 mg once daily - NEW.\nPromethazine 25 mg at night as required - NEW, 7 days only.'],
      ['Plan and requested actions', 'Early Intervention in Psychosis team will see him within 7 days of discharge (care coordinator: Jordan Akers).\nGP: please continue aripiprazole and complete antipsychotic physical health monitoring at 3 months: weight, blood pressure, HbA1c, lipids and prolactin.\nGP: please support cannabis cessation.'],
      ['Safety alerts', 'Relapse signature: poor sleep, withdrawal from family, increased cannabis use.'],
    ],
  },
  {
    name: '12-clinic-rheumatology-methotrexate', format: 'pdf', patient: 'pt-11', sender: 'aldhelm', kind: 'outpatient', service: 'Rheumatology', date: '2026-11-12',
    title: 'Rheumatology Clinic Letter', author: { name: 'Dr Benedict Ogunleye', role: 'Consultant Rheumatologist' },
    sections: [
      ['Diagnosis', 'Rheumatoid arthritis, seropositive (RF and anti-CCP positive), active (DAS28 5.4).'],
      ['History', 'Six months of symmetrical small joint synovitis of the hands with 2 hours of morning stiffness. X-rays of hands and feet show no erosions. Chest X-ray clear. Hepatitis B and C and HIV negative.'],
      ['Medication', 'Methotrexate 10 mg ONCE WEEKLY (on Mondays), increasing by 2.5 mg every 2 weeks to 20 mg once weekly - NEW.\nFolic acid 5 mg once weekly, not on the methotrexate day - NEW.\nPrednisolone 10 mg daily for 2 weeks, then reduce by 2.5 mg every 2 weeks until stopped - NEW.\nNaproxen 500 mg twice daily - continue with omeprazole 20 mg once daily.'],
      ['Plan', 'Shared care: we will prescribe and monitor for the first 3 months, then ask you to take over under the shared care agreement.\nBlood monitoring (FBC, U&E, LFT) every 2 weeks until on a stable dose for 6 weeks, then monthly for 3 months.\nPlease give pneumococcal vaccine and the annual flu vaccine.\nRheumatology nurse review in 6 weeks.'],
    ],
  },
  {
    name: '13-discharge-copd-exacerbation', format: 'html', patient: 'pt-16', sender: 'hbgh', kind: 'discharge', service: 'Respiratory Medicine', date: '2026-11-12',
    title: 'Respiratory Discharge Summary', author: { name: 'Dr Yusuf Demir', role: 'Respiratory Registrar' },
    sections: [
      ['Diagnoses', 'Infective exacerbation of chronic obstructive pulmonary disease.\nType 2 respiratory failure, resolved.'],
      ['Clinical summary', 'Admitted with 3 days of increasing breathlessness and purulent sputum. pH 7.31, pCO2 7.9 kPa on arrival: required non-invasive ventilation for 36 hours. Chest X-ray: no consolidation. Sputum grew Haemophilus influenzae sensitive to doxycycline.'],
      ['Medications and medical devices', 'Prednisolone 30 mg once daily for 5 days in total (last dose 14/11/2026).\nDoxycycline 100 mg once daily, completes 15/11/2026.\nTrimbow (beclometasone/formoterol/glycopyrronium) 2 puffs twice daily - NEW, replaces Fostair.\nFostair 100/6 - STOPPED.\nSalbutamol 100 micrograms 2 puffs as required - unchanged.'],
      ['Plan and requested actions', 'Please refer to pulmonary rehabilitation once recovered.\nPlease review within 2 weeks of discharge, including inhaler technique.\nHe has been given a COPD rescue pack and self-management plan.\nNot for home oxygen assessment at present.'],
    ],
  },
  {
    name: '14-results-abnormal-potassium', format: 'txt', patient: 'pt-12', sender: 'hbgh', kind: 'results', service: 'Clinical Biochemistry', date: '2026-11-13',
    title: 'Urgent Abnormal Result', author: { name: 'Duty Biochemist', role: 'Clinical Biochemistry' },
    sections: [
      ['Result', 'Potassium 6.4 mmol/L (non-haemolysed sample). Creatinine 198 umol/L (previous 121 in August 2026). eGFR 31.'],
      ['Comment', 'The result was telephoned to the practice duty doctor at 16:05 on 13/11/2026. The patient\'s record shows ramipril 10 mg and spironolactone 25 mg.'],
      ['Advice', 'URGENT: please review today. Consider stopping spironolactone and holding ramipril, and repeat U&E within 24 hours. An ECG is advised. If potassium is 6.5 or above or there are ECG changes, refer to the Emergency Department.'],
    ],
  },
  {
    name: '15-clinic-memory-dementia', format: 'json', patient: 'pt-19', sender: 'moorside', kind: 'outpatient', service: 'Memory Assessment Service', date: '2026-11-13',
    title: 'Memory Clinic Letter', author: { name: 'Dr Graham Petrie', role: 'Consultant Old Age Psychiatrist' },
    sections: [
      ['Diagnoses', 'Alzheimer\'s disease, mild (ACE-III 74/100).\nHypertension.'],
      ['History', 'Two years of progressive short-term memory loss reported by her husband; she has become lost twice while driving. CT head: generalised atrophy, small vessel disease. Bloods including B12, folate and TSH normal.'],
      ['Medications and medical devices', 'Donepezil 5 mg at night for 4 weeks, then 10 mg at night - NEW. ECG showed sinus rhythm at 68 bpm.'],
      ['Plan and requested actions', 'Please continue donepezil after the first prescription and increase to 10 mg after 4 weeks if tolerated.\nShe has been advised to stop driving and to inform the DVLA.\nPlease consider a Lasting Power of Attorney discussion and add her to the dementia register.\nMemory nurse review in 3 months.'],
      ['Social context', 'Lives with her husband, who is her main carer. Carer\'s assessment requested from adult social care.'],
    ],
  },
  {
    name: '16-ed-chest-pain-discharged', format: 'xml', patient: 'pt-18', sender: 'hbgh', kind: 'emergency', service: 'Emergency Department', date: '2026-11-14',
    title: 'Emergency Department Discharge Summary', author: { name: 'Dr Callum Reid', role: 'ED Speciality Doctor' },
    sections: [
      ['Presenting complaints or issues', 'Left-sided chest pain for 2 hours, sharp, worse on deep breathing and on pressing the chest wall.'],
      ['Examination findings', 'Observations normal. Tender over the left costochondral junctions. ECG: sinus rhythm, no ischaemic changes. High-sensitivity troponin 4 ng/L at 0 and 3 hours.'],
      ['Diagnoses', 'Musculoskeletal chest pain (costochondritis).'],
      ['Plan and requested actions', 'Discharged with ibuprofen 400 mg three times daily with food for 7 days. No follow-up needed. Return if the pain changes in character.'],
    ],
  },
  {
    name: '17-discharge-pneumonia-aki', format: 'pdf', patient: 'pt-21', sender: 'hbgh', kind: 'discharge', service: 'Acute Medicine', date: '2026-11-15',
    title: 'Acute Medicine Discharge Summary', author: { name: 'Dr Priti Ghosh', role: 'Acute Medicine Consultant' },
    sections: [
      ['Diagnoses', 'Community-acquired pneumonia, right lower lobe (CURB-65 2).\nAcute kidney injury stage 2, due to sepsis and ACE inhibitor, improving.\nType 2 diabetes mellitus.'],
      ['Clinical summary', 'Treated with intravenous then oral co-amoxiclav and clarithromycin. Creatinine peaked at 246 umol/L (baseline 98) and was 131 umol/L on discharge. Metformin and lisinopril were held during the admission.'],
      ['Medications and medical devices', 'Co-amoxiclav 625 mg three times daily, complete 2 more days.\nLisinopril 10 mg - WITHHELD until renal function recovers.\nMetformin 500 mg twice daily - RESTARTED at a reduced dose (was 1 g twice daily).\nFurosemide 40 mg - STOPPED.'],
      ['Plan and requested actions', 'Please repeat U&E in 1 week and restart lisinopril when creatinine is back to baseline.\nPlease arrange a repeat chest X-ray in 6 weeks to confirm resolution (smoker, aged over 50).\nPlease review the need for furosemide; ankle oedema was minimal.'],
    ],
  },
  {
    name: '18-clinic-urology-psa', format: 'txt', patient: 'pt-24', sender: 'aldhelm', kind: 'outpatient', service: 'Urology', date: '2026-11-16',
    title: 'Urology Clinic Letter', author: { name: 'Mr Ifeanyi Nwachukwu', role: 'Consultant Urological Surgeon' },
    sections: [
      ['Diagnosis', 'Raised PSA (8.9 ng/mL).\nSuspected prostate cancer: MRI prostate PI-RADS 4 lesion, left peripheral zone.\nBenign prostatic hyperplasia.'],
      ['History', 'Seen on the 2-week-wait pathway. Digital rectal examination: moderately enlarged, firm nodule on the left lobe. Mild lower urinary tract symptoms (IPSS 9).'],
      ['Plan', 'Transperineal prostate biopsy booked for 26/11/2026. We will write with the histology.\nTamsulosin 400 micrograms once daily started for his urinary symptoms.\nNo action needed from the GP at present.'],
    ],
  },
  {
    name: '19-safeguarding-child-ed', format: 'html', patient: 'pt-20', sender: 'hbgh', kind: 'emergency', service: 'Paediatric Emergency Department', date: '2026-11-16',
    title: 'Paediatric ED Attendance', author: { name: 'Dr Hannah Eastwood', role: 'Paediatric Registrar' },
    sections: [
      ['Presenting complaint', 'Oliver (7 years) brought in by his mother with a swollen left forearm after a reported fall from the sofa 2 days ago.'],
      ['Examination findings', 'Undisplaced fracture of the left ulna shaft. Several bruises of different ages on the back and upper arms.'],
      ['Diagnosis', 'Fracture of shaft of ulna, left.\nBruising of trunk and upper arms.'],
      ['Safeguarding', 'The delay in presentation and the pattern of bruising are not fully explained by the history. A referral has been made to Children\'s Social Care and a child protection medical was performed by the paediatric consultant. The health visitor and school nurse have been informed.'],
      ['Plan', 'Above-elbow cast; fracture clinic in 1 week.\nGP: please flag the record and share any relevant information with Children\'s Social Care (duty social worker: Leanne Shaw, 01632 960 555).'],
    ],
  },
  {
    name: '20-discharge-stroke', format: 'json', patient: 'pt-13', sender: 'hbgh', kind: 'discharge', service: 'Stroke Medicine', date: '2026-11-17',
    title: 'Stroke Unit Discharge Summary', author: { name: 'Dr Arun Venkatesh', role: 'Stroke Consultant' },
    sections: [
      ['Admission details', 'Admitted 08/11/2026 with sudden right arm weakness and expressive dysphasia. Discharged 17/11/2026 home with the early supported discharge team.'],
      ['Diagnoses', 'Ischaemic stroke, left middle cerebral artery territory.\nAtrial fibrillation, paroxysmal, newly diagnosed on cardiac monitoring.\nHypertension.'],
      ['Procedures', 'Intravenous thrombolysis with alteplase, 08/11/2026.'],
      ['Clinical summary', 'NIHSS 8 on arrival, 2 at discharge. CT angiogram: no carotid stenosis. 72-hour tape showed paroxysmal atrial fibrillation. Swallow assessed as safe for a normal diet.'],
      ['Medications and medical devices', 'Clopidogrel 75 mg - STOPPED on 22/11/2026 when apixaban starts.\nApixaban 5 mg twice daily - NEW, to start on 22/11/2026 (day 14 after stroke).\nAtorvastatin 80 mg once night - NEW.\nAmlodipine 5 mg once daily - NEW.'],
      ['Plan and requested actions', 'GP: please check that apixaban has started on 22/11/2026 and clopidogrel has stopped.\nGP: target blood pressure below 130/80; please titrate antihypertensives.\nShe must not drive for at least 1 month.\nStroke clinic follow-up in 6 weeks.'],
    ],
  },
  {
    name: '21-clinic-gastro-coeliac', format: 'xml', patient: 'pt-15', sender: 'aldhelm', kind: 'outpatient', service: 'Gastroenterology', date: '2026-11-18',
    title: 'Gastroenterology Outpatient Letter', author: { name: 'Dr Tobias Renshaw', role: 'Consultant Gastroenterologist' },
    sections: [
      ['Diagnoses', 'Coeliac disease, confirmed on duodenal biopsy (Marsh 3b).\nIron deficiency anaemia.\nOsteopenia on DEXA scan.'],
      ['Clinical summary', 'Mrs Lefèvre\'s anti-tTG was over 128 U/mL. Gastroscopy and duodenal biopsies confirm coeliac disease. Ferritin 6 ug/L, haemoglobin 104 g/L.'],
      ['Medications and medical devices', 'Ferrous fumarate 210 mg twice daily - NEW, for 3 months.\nAdcal-D3 one tablet twice daily - NEW.'],
      ['Plan and requested actions', 'Referred to the dietitian for gluten-free diet education.\nGP: please check full blood count and ferritin in 3 months and coeliac serology in 12 months.\nGP: please offer pneumococcal vaccination (hyposplenism risk).\nAnnual review in coeliac clinic.'],
    ],
  },
  {
    name: '22-dna-second-discharged', format: 'pdf', patient: 'pt-27', sender: 'aldhelm', kind: 'admin', service: 'Dermatology', date: '2026-11-18',
    title: 'Discharge after Non-Attendance', author: { name: 'Outpatient Booking Team', role: 'Administration' },
    sections: [
      ['Appointment', 'Ms Maguire has not attended two consecutive dermatology appointments (19/10/2026 and 16/11/2026) for her referral with eczema.'],
      ['Outcome', 'She has been discharged back to your care in line with the Trust access policy. If you still feel a dermatology opinion is needed, please re-refer.'],
    ],
  },
  {
    name: '23-clinic-heart-failure', format: 'txt', patient: 'pt-06', sender: 'hbgh', kind: 'outpatient', service: 'Heart Failure Service', date: '2026-11-19',
    title: 'Heart Failure Clinic Letter', author: { name: 'Dr Leah Sutcliffe', role: 'Consultant Cardiologist' },
    sections: [
      ['Diagnoses', 'Heart failure with reduced ejection fraction (EF 30%), ischaemic.\nChronic kidney disease stage 3a.\nGout.'],
      ['Current status', 'NYHA class II. Weight stable at 82 kg. BP 112/68, HR 64. Potassium 4.6, creatinine 128 umol/L.'],
      ['Medication changes', 'Started dapagliflozin 10 mg once daily.\nSpironolactone increased from 12.5 mg to 25 mg once daily.\nFurosemide reduced from 80 mg to 40 mg each morning.\nContinue sacubitril/valsartan 49/51 mg twice daily and bisoprolol 5 mg once daily.'],
      ['Requests', 'Please check U&E in 1 week and again at 4 weeks after the spironolactone increase.\nPlease add him to the heart failure register and offer the influenza and COVID-19 vaccines.\nWe will see him in 3 months.'],
    ],
  },
  {
    name: '24-mh-crisis-team', format: 'html', patient: 'pt-17', sender: 'moorside', kind: 'mental-health', service: 'Crisis Resolution and Home Treatment Team', date: '2026-11-20',
    title: 'Crisis Team Discharge Letter', author: { name: 'Sam Whitehead', role: 'Crisis Team Nurse Practitioner' },
    sections: [
      ['Reason for referral', 'Referred by the ED on 06/11/2026 after presenting with suicidal thoughts and a plan to overdose, following the end of a relationship and work stress.'],
      ['Diagnosis', 'Moderate depressive episode.\nSuicidal ideation, now resolved.'],
      ['Summary', 'Seen daily at home for 2 weeks. Sertraline was started at 50 mg once daily on 07/11/2026. Mood has improved, she is sleeping better and has returned to part-time work. She denies current suicidal thoughts and has a safety plan. Her sister is staying with her.'],
      ['Plan', 'Discharged from the Crisis Team.\nGP: please review in 2 weeks and consider increasing sertraline to 100 mg if there is a partial response at 4-6 weeks.\nReferred to NHS Talking Therapies for CBT.\nShe knows how to contact the crisis line (01632 960 999, 24 hours).'],
    ],
  },
  {
    name: '25-results-histology-bcc', format: 'txt', patient: 'pt-26', sender: 'aldhelm', kind: 'results', service: 'Dermatology', date: '2026-11-20',
    title: 'Histology Result Letter', author: { name: 'Dr Naledi Mokoena', role: 'Dermatology Specialty Doctor' },
    sections: [
      ['Result', 'Excision biopsy of the lesion from the right cheek, 02/11/2026: nodular basal cell carcinoma, completely excised, closest peripheral margin 2 mm.'],
      ['Comment', 'No further treatment is required. I have written to Mr Ackroyd with the result.'],
      ['Follow-up', 'Discharged from dermatology. Please re-refer if any new or changing skin lesions. He has been advised on sun protection.'],
    ],
  },
  {
    name: '26-discharge-sepsis-uti-wrong-dob', format: 'txt', patient: 'pt-23', sender: 'hbgh', kind: 'discharge', service: 'Care of the Elderly', date: '2026-11-21',
    title: 'Discharge Summary', author: { name: 'Dr Ines Carvalho', role: 'Care of the Elderly Registrar' },
    printed: { birthDate: '1952-09-11' }, expect: 'unmatched',
    sections: [
      ['Diagnoses', 'Urosepsis (E. coli bacteraemia).\nAcute confusion, resolved.'],
      ['Clinical summary', 'Treated with intravenous gentamicin then oral trimethoprim guided by sensitivities. Blood cultures grew E. coli. Renal tract ultrasound normal. Back to her baseline cognition at discharge.'],
      ['Medications', 'Trimethoprim 200 mg twice daily to complete 7 days in total (last dose 23/11/2026).'],
      ['Plan', 'No GP actions. (This sample deliberately prints a date of birth that does not match the register, to show how Postroom holds a letter it cannot match safely.)'],
    ],
  },
  {
    name: '27-clinic-epilepsy-valproate', format: 'json', patient: 'pt-03', sender: 'aldhelm', kind: 'outpatient', service: 'Neurology', date: '2026-11-23',
    title: 'Neurology Clinic Letter', author: { name: 'Dr Keir Lachlan', role: 'Consultant Neurologist' },
    sections: [
      ['Diagnoses', 'Juvenile myoclonic epilepsy.'],
      ['History', 'Ms Rahman has been seizure-free for 4 years on sodium valproate. She is planning a pregnancy in the next year. We discussed the risks of valproate in pregnancy (Pregnancy Prevention Programme) in detail.'],
      ['Medications and medical devices', 'Lamotrigine 25 mg once daily for 2 weeks, then 50 mg daily for 2 weeks, then increasing by 50 mg every 2 weeks to 200 mg daily - NEW.\nSodium valproate 500 mg twice daily - to be reduced and STOPPED over 8 weeks once lamotrigine reaches 100 mg daily (schedule enclosed).\nFolic acid 5 mg once daily - NEW.'],
      ['Plan and requested actions', 'GP: please prescribe lamotrigine according to the titration schedule and the valproate reduction.\nShe should continue highly effective contraception until the switch is complete.\nShe should not drive if seizures recur during the switch.\nNeurology review in 3 months; epilepsy nurse telephone review in 4 weeks.'],
    ],
  },
  {
    name: '28-ed-twin-ankle', format: 'html', patient: 'pt-29', sender: 'hbgh', kind: 'emergency', service: 'Emergency Department', date: '2026-11-24',
    title: 'Emergency Department Attendance', author: { name: 'Dr Rosa Lindqvist', role: 'ED Registrar' },
    sections: [
      ['Presenting complaint', 'Inversion injury to the right ankle playing netball.'],
      ['Examination findings', 'Swelling and tenderness over the anterior talofibular ligament. Ottawa ankle rules negative: no X-ray required.'],
      ['Diagnosis', 'Sprain of right ankle.'],
      ['Plan', 'Rest, ice, elevation and a graduated return to sport. Advice leaflet given. No GP follow-up needed.'],
    ],
  },
  {
    name: '29-death-notification', format: 'xml', patient: 'pt-30', sender: 'hbgh', kind: 'discharge', service: 'Palliative Medicine', date: '2026-11-25',
    title: 'Notification of Death in Hospital', author: { name: 'Dr Meera Iyer', role: 'Palliative Medicine Consultant' },
    sections: [
      ['Admission details', 'Admitted 19/11/2026 with increasing breathlessness and confusion.'],
      ['Diagnoses', 'Metastatic adenocarcinoma of the pancreas (known).\nHypercalcaemia of malignancy.'],
      ['Clinical summary', 'Mrs Quinn was recognised to be dying on 22/11/2026 and care focused on comfort in line with her advance care plan. She died peacefully on 25/11/2026 at 03:40 with her husband present. The death has been reported to the Medical Examiner; the Medical Certificate of Cause of Death will be issued by the hospital.'],
      ['Plan and requested actions', 'Please note the death on the record and cancel any outstanding appointments, repeat prescriptions and recalls.\nHer husband, Mr Desmond Quinn, is also your patient and may benefit from bereavement support.'],
    ],
  },
  {
    name: '30-clinic-thyroid', format: 'pdf', patient: 'pt-10', sender: 'aldhelm', kind: 'outpatient', service: 'Endocrinology', date: '2026-11-26',
    title: 'Endocrinology Clinic Letter', author: { name: 'Dr Marianne Kessler', role: 'Consultant Endocrinologist' },
    sections: [
      ['Diagnosis', 'Graves\' disease (TRAb positive) with mild thyrotoxicosis.\nNo thyroid eye disease.'],
      ['History', 'Mr Nowak reports 3 months of weight loss, tremor and palpitations. Free T4 38 pmol/L, TSH below 0.01 mU/L.'],
      ['Medication', 'Carbimazole 20 mg once daily - NEW.\nPropranolol 40 mg three times daily - NEW, until thyroid function improves.'],
      ['Plan', 'Agranulocytosis warning given: he must stop carbimazole and have an urgent full blood count if he develops a sore throat, mouth ulcers or fever.\nWe will repeat thyroid function tests in 4-6 weeks in clinic.\nNo GP action at present.'],
    ],
  },
  {
    name: '31-clinic-opioid-pain', format: 'txt', patient: 'pt-05', sender: 'aldhelm', kind: 'outpatient', service: 'Pain Management', date: '2026-11-27',
    title: 'Pain Clinic Letter', author: { name: 'Dr Colm Devlin', role: 'Consultant in Pain Medicine' },
    sections: [
      ['Diagnosis', 'Chronic primary low back pain.\nLong-term opioid use.'],
      ['History', 'Mrs Chaudhry takes morphine sulfate modified-release (Zomorph) 30 mg twice daily and co-codamol 30/500 as needed. Pain scores are unchanged, she is drowsy in the afternoons and sleep is poor.'],
      ['Recommendations', 'Please reduce Zomorph by 10 mg every 2 weeks and then stop (30/20 mg, then 20/20 mg, etc.).\nStop co-codamol; paracetamol 1 g four times daily may continue.\nStart amitriptyline 10 mg at night.\nReferred to the pain management programme.'],
      ['Follow-up', 'Review in pain clinic in 3 months.'],
    ],
  },
];
