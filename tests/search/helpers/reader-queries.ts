/**
 * Queries as patients and clinicians type them on the bundled site (content/, references/), each with the
 * pages a reader would want among the first three results. `expect: []` means the site has nothing on it:
 * the search should show no results and say what to try. Used by measure-queries.ts.
 */
export interface ReaderQuery {
  q: string;
  /** Page paths, any of which in the top 3 answers the query; empty when nothing should be found. */
  expect: string[];
}

export const A_PAIN = '/articles/acupuncture-chronic-pain/';
export const A_KNEE = '/articles/acupuncture-knee-osteoarthritis/';
export const A_BACK = '/articles/non-drug-treatments-chronic-low-back-pain/';
export const C_BACK = '/conditions/chronic-low-back-pain/';
export const C_KNEE = '/conditions/knee-osteoarthritis/';
export const C_MIGRAINE = '/conditions/migraine/';
export const C_NECK = '/conditions/neck-pain/';
export const C_TTH = '/conditions/tension-type-headache/';
export const ref = (key: string) => `/references/${key}/`;
export const ACUPUNCTURE = [A_PAIN, A_KNEE, A_BACK];
export const BACK = [C_BACK, A_BACK];
export const KNEE = [C_KNEE, A_KNEE];
export const NONE: string[] = [];

export const READER_QUERIES: ReaderQuery[] = [
  // Everyday words for conditions and treatments.
  { q: 'sore back', expect: BACK },
  { q: 'back pain', expect: BACK },
  { q: 'slipped disc', expect: [ref('nice2016ng59'), ref('bernstein2017nice'), ...BACK] },
  { q: 'sciatica', expect: [ref('nice2016ng59'), ref('bernstein2017nice'), ...BACK] },
  { q: 'needles', expect: ACUPUNCTURE },
  { q: 'needle treatment for back', expect: [A_BACK, A_PAIN] },
  { q: 'talking therapy', expect: [A_BACK] },
  { q: 'talking therapies', expect: [A_BACK] },
  { q: 'CBT', expect: [A_BACK] },
  { q: 'cbt for back pain', expect: [A_BACK] },
  { q: 'cognitive behavioral therapy', expect: [A_BACK] },
  { q: 'behaviour therapy', expect: [A_BACK] },
  { q: 'counselling', expect: [A_BACK] },
  { q: 'psychologist', expect: [A_BACK] },
  { q: 'physio', expect: [A_BACK, A_KNEE] },
  { q: 'physiotherapy for knee', expect: [A_KNEE] },
  { q: 'physical therapy', expect: [A_BACK, A_KNEE] },
  { q: 'painkillers', expect: [A_BACK, ref('dowell2022cdc')] },
  { q: 'pain killers', expect: [A_BACK, ref('dowell2022cdc')] },
  { q: 'opioids', expect: [ref('dowell2022cdc'), A_BACK] },
  { q: 'paracetamol', expect: [A_PAIN] },
  { q: 'acupuncturist', expect: ACUPUNCTURE },
  { q: 'exercising for knee pain', expect: KNEE },
  { q: 'exercises for lower back', expect: [...BACK, ref('hayden2021exercise')] },
  { q: 'knee arthritis exercise', expect: [A_KNEE, ref('fransen2015exercise')] },
  { q: 'arthritis in knee', expect: KNEE },
  { q: 'osteoarthritis', expect: KNEE },
  { q: 'OA knee', expect: KNEE },
  { q: 'worn out knee', expect: KNEE },
  { q: 'migraines', expect: [C_MIGRAINE, A_PAIN] },
  { q: 'headaches', expect: [C_TTH, C_MIGRAINE, A_PAIN] },
  { q: 'tension headaches', expect: [C_TTH] },
  { q: 'stiff neck', expect: [C_NECK] },
  { q: 'whiplash', expect: [C_NECK] },
  { q: 'neck ache acupuncture', expect: [C_NECK, A_PAIN, ref('trinh2016neck')] },
  { q: 'tai chi', expect: [A_BACK] },
  { q: 'taichi', expect: [A_BACK] },
  { q: 'mindfulness', expect: [A_BACK] },
  { q: 'meditation', expect: [A_BACK] },
  { q: 'chiropractic', expect: [A_BACK] },
  { q: 'chiropractor', expect: [A_BACK] },
  { q: 'osteopath', expect: [A_BACK] },
  { q: 'massage', expect: [A_BACK] },
  { q: 'rehab', expect: [A_BACK] },
  { q: 'pain management programme', expect: [A_BACK] },
  { q: 'sham acupuncture', expect: ACUPUNCTURE },
  { q: 'fake acupuncture', expect: ACUPUNCTURE },
  { q: 'placebo acupuncture', expect: ACUPUNCTURE },
  { q: 'chinese medicine', expect: ACUPUNCTURE },
  // Whole questions.
  { q: 'does acupuncture work for back pain?', expect: [A_BACK, C_BACK, A_PAIN] },
  { q: 'is yoga good for knees', expect: [A_KNEE, A_BACK] },
  { q: 'is yoga good for back pain', expect: [A_BACK] },
  { q: 'can acupuncture help my migraines', expect: [C_MIGRAINE, A_PAIN, ref('linde2016migraine')] },
  { q: 'how long does acupuncture last', expect: [A_PAIN, ref('macpherson2017persistence')] },
  { q: 'what helps a bad back', expect: BACK },
  { q: 'best treatment for knee osteoarthritis', expect: KNEE },
  { q: 'when should I see a doctor about back pain', expect: [A_BACK, C_BACK] },
  // British and American spellings.
  { q: 'randomised trial acupuncture', expect: [ref('cherkin2009randomized'), ref('hinman2014acupuncture'), ref('haake2007gerac')] },
  { q: 'individualized acupuncture', expect: [A_BACK] },
  { q: 'rehabilitation program', expect: [A_BACK] },
  // Misspellings, capitals, punctuation and emoji.
  { q: 'ACUPUNCTURE', expect: ACUPUNCTURE },
  { q: 'BACK PAIN', expect: BACK },
  { q: 'acupunture for back pain', expect: [A_BACK, C_BACK] },
  { q: 'accupuncture', expect: ACUPUNCTURE },
  { q: 'osteoarthritus', expect: KNEE },
  { q: 'migrain', expect: [C_MIGRAINE] },
  { q: 'lower back pain 😣', expect: BACK },
  { q: 'back pain!!!', expect: BACK },
  { q: 'knee pain?', expect: KNEE },
  { q: 'neck-pain', expect: [C_NECK] },
  // Clinicians: authors, years, journals, designs, identifiers, trial names.
  { q: 'Vickers 2018', expect: [ref('vickers2018acupuncture')] },
  { q: 'Cherkin 2009', expect: [ref('cherkin2009randomized')] },
  { q: 'Hinman JAMA 2014', expect: [ref('hinman2014acupuncture')] },
  { q: 'Fransen Cochrane', expect: [ref('fransen2015exercise')] },
  { q: 'Qaseem et al 2017', expect: [ref('qaseem2017noninvasive')] },
  { q: 'Kolasinski et al.', expect: [ref('kolasinski2020acr')] },
  { q: 'van Tulder', expect: [ref('hayden2021exercise')] },
  { q: 'MacPherson persistence', expect: [ref('macpherson2017persistence')] },
  { q: 'Mu 2020 Cochrane', expect: [ref('mu2020acupuncture')] },
  { q: 'Ann Intern Med 2017', expect: [ref('qaseem2017noninvasive'), ref('chou2017nonpharmacologic')] },
  { q: 'Arch Intern Med acupuncture', expect: [ref('vickers2012acupuncture'), ref('cherkin2009randomized'), ref('haake2007gerac')] },
  { q: 'J Pain 2018', expect: [ref('vickers2018acupuncture')] },
  { q: 'MMWR', expect: [ref('dowell2022cdc')] },
  { q: 'Arthritis Care Res', expect: [ref('kolasinski2020acr')] },
  { q: 'GERAC', expect: [ref('haake2007gerac')] },
  { q: 'GERAC trial', expect: [ref('haake2007gerac')] },
  { q: 'ACP guideline low back pain', expect: [ref('qaseem2017noninvasive')] },
  { q: 'NICE NG193', expect: [ref('nice2021ng193')] },
  { q: 'NICE guideline sciatica', expect: [ref('nice2016ng59'), ref('bernstein2017nice')] },
  { q: 'CDC opioid guideline', expect: [ref('dowell2022cdc')] },
  { q: 'ACR guideline osteoarthritis', expect: [ref('kolasinski2020acr')] },
  { q: 'RCT acupuncture knee', expect: [ref('hinman2014acupuncture'), A_KNEE] },
  { q: 'meta-analysis acupuncture chronic pain', expect: [ref('vickers2018acupuncture'), ref('vickers2012acupuncture')] },
  { q: 'IPD meta-analysis', expect: [ref('vickers2018acupuncture'), ref('vickers2012acupuncture')] },
  { q: 'individual patient data', expect: [ref('vickers2018acupuncture'), ref('vickers2012acupuncture')] },
  { q: 'systematic review low back pain', expect: [ref('chou2017nonpharmacologic'), ref('mu2020acupuncture'), ref('hayden2021exercise')] },
  { q: 'NNT acupuncture', expect: ACUPUNCTURE },
  { q: 'doi 10.1001/jama.2014.12660', expect: [ref('hinman2014acupuncture')] },
  { q: 'https://doi.org/10.7326/M16-2367', expect: [ref('qaseem2017noninvasive')] },
  { q: 'DOI:10.1136/bmj.i6748', expect: [ref('bernstein2017nice')] },
  { q: '10.1002/14651858.CD004870.pub4', expect: [ref('trinh2016neck')] },
  { q: 'https://dx.doi.org/10.1002/acr.24131', expect: [ref('kolasinski2020acr')] },
  { q: 'PMID: 25268438', expect: [ref('hinman2014acupuncture')] },
  { q: 'pmid 31908149', expect: [ref('kolasinski2020acr')] },
  { q: 'PubMed 36327391', expect: [ref('dowell2022cdc')] },
  { q: 'CD013814', expect: [ref('mu2020acupuncture')] },
  { q: 'chronic primary pain', expect: [ref('nice2021ng193'), ref('carville2021nice')] },
  // Nothing on the site: no results, and a note that says what to try.
  { q: 'heart attack', expect: NONE },
  { q: 'high blood pressure', expect: NONE },
  { q: 'oesophagus', expect: NONE },
  { q: 'esophagus', expect: NONE },
  { q: 'paediatric', expect: NONE },
  { q: 'anaemia', expect: NONE },
  { q: 'haemorrhage', expect: NONE },
  { q: 'orthopaedic surgeon', expect: NONE },
  { q: 'diabetes acupuncture', expect: NONE },
  { q: 'covid vaccine', expect: NONE },
  { q: 'asdfgh', expect: NONE },
  { q: '🤕', expect: NONE },
  { q: '<script>alert(1)</script>', expect: NONE },
];
