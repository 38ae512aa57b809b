/** Vocabulary for the synthetic corpus: plausible, never real, and kept apart so tests can rely on it. */

export const CONDITIONS = [
  'chronic-low-back-pain', 'neck-pain', 'knee-osteoarthritis', 'hip-osteoarthritis', 'migraine',
  'tension-type-headache', 'fibromyalgia', 'shoulder-pain', 'rheumatoid-arthritis', 'sciatica',
  'chronic-pelvic-pain', 'irritable-bowel-syndrome', 'diabetic-neuropathy', 'postherpetic-neuralgia',
  'complex-regional-pain-syndrome', 'temporomandibular-disorder', 'plantar-fasciitis', 'tennis-elbow',
  'carpal-tunnel-syndrome', 'chronic-fatigue-syndrome', 'endometriosis', 'gout', 'ankylosing-spondylitis',
  'whiplash', 'phantom-limb-pain', 'trigeminal-neuralgia', 'cluster-headache', 'osteoporosis',
  'chronic-widespread-pain', 'multiple-sclerosis-pain',
];

export const INTERVENTIONS = [
  'acupuncture', 'exercise-therapy', 'yoga', 'tai-chi', 'massage', 'spinal-manipulation',
  'cognitive-behavioural-therapy', 'mindfulness', 'paracetamol', 'nsaids', 'opioids', 'duloxetine',
  'gabapentin', 'physiotherapy', 'heat-therapy', 'tens', 'weight-loss', 'education', 'pilates',
  'hydrotherapy', 'splinting', 'injections', 'surgery', 'sleep-hygiene', 'pacing',
];

export const FAMILY_NAMES = [
  'Smith', 'Garcia', 'Nguyen', 'Okafor', 'Müller', 'Rossi', 'Kowalski', 'Tanaka', 'Andersen', 'Dubois',
  'Haddad', 'Silva', 'Kim', 'Novak', 'Fischer', 'Moreau', 'Ivanova', 'Chen', 'Patel', 'Johansson',
  'O’Brien', 'van der Berg', 'Lindqvist', 'Costa', 'Yamamoto', 'Mensah', 'Schmidt', 'Hernández',
  'Kaur', 'Bianchi', 'Walker', 'Ahmed', 'Petrov', 'Larsen', 'Zhang', 'Murphy', 'Santos', 'Wójcik',
];

/** Syllables for rarer surnames: a real library of 2,000 papers has far more than a few dozen first authors. */
export const NAME_STARTS = ['Ab', 'Bel', 'Car', 'Dov', 'Eng', 'Fal', 'Gor', 'Hal', 'Ish', 'Jor', 'Kel', 'Lun', 'Mar', 'Nor', 'Ost', 'Pel', 'Quin', 'Ros', 'Sal', 'Tor', 'Ul', 'Var', 'Wen', 'Yor', 'Zel'];
export const NAME_ENDS = ['berg', 'dottir', 'enko', 'ford', 'gaard', 'hausen', 'ini', 'ström', 'kov', 'ley', 'mann', 'nen', 'oglu', 'quist', 'rud', 'sen', 'ton', 'uchi', 'vic', 'wood'];

export const GIVEN_NAMES = [
  'Anna', 'James', 'Mei', 'Tomasz', 'Amara', 'Lukas', 'Sofia', 'Hiroshi', 'Ingrid', 'Pierre', 'Layla',
  'João', 'Min-jun', 'Eva', 'Karl', 'Claire', 'Olga', 'Wei', 'Priya', 'Erik', 'Siobhan', 'Daan',
];

/** Journals, as [full name, abbreviation]. */
export const JOURNALS: [string, string][] = [
  ['Acta Algologica Scandinavica', 'Acta Algol Scand'],
  ['Journal of Musculoskeletal Research', 'J Musculoskelet Res'],
  ['Annals of Rehabilitation Medicine', 'Ann Rehabil Med'],
  ['Clinical Pain Reports', 'Clin Pain Rep'],
  ['European Journal of Primary Care', 'Eur J Prim Care'],
  ['Headache Research', 'Headache Res'],
  ['Rheumatology Practice', 'Rheumatol Pract'],
  ['BMC Complementary Therapies', 'BMC Complement Ther'],
  ['International Journal of Physiotherapy', 'Int J Physiother'],
  ['Pain Medicine Reviews', 'Pain Med Rev'],
];

/** A word only reference titles use: finding it in an article page's search text means its bibliography was indexed. */
export const BIBLIOGRAPHY_ONLY_WORD = 'multicentre';

export const TITLE_WORDS = [
  'randomized', 'controlled', 'trial', 'of', 'for', 'in', 'adults', 'with', 'chronic', 'pain',
  'systematic', 'review', 'meta-analysis', 'effectiveness', 'long-term', 'outcomes', 'primary', 'care',
  'a', 'pragmatic', 'multicentre', 'cohort', 'study', 'versus', 'usual', 'treatment', 'function',
  'quality', 'life', 'older', 'people', 'network', 'individual', 'patient', 'data', 'follow-up',
];

export const BODY_WORDS = [
  'people', 'treatment', 'trial', 'pain', 'weeks', 'months', 'improved', 'function', 'compared',
  'usual', 'care', 'sessions', 'evidence', 'small', 'moderate', 'benefit', 'placebo', 'group',
  'participants', 'reported', 'outcomes', 'daily', 'activities', 'sleep', 'mood', 'quality',
  'results', 'studies', 'reviews', 'effect', 'lasting', 'short-term', 'long-term', 'harms', 'mild',
  'side', 'effects', 'doctor', 'physiotherapist', 'programme', 'home', 'exercise', 'advice',
  'measured', 'scale', 'score', 'difference', 'meaningful', 'similar', 'larger', 'fewer', 'more',
  'the', 'the', 'the', 'of', 'of', 'and', 'and', 'in', 'in', 'with', 'for', 'to', 'a', 'was', 'were',
];

export const OUTCOMES = ['Pain at 3 months', 'Pain at 12 months', 'Function', 'Quality of life', 'Sleep', 'Stopping treatment'];
