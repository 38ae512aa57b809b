import { describe, expect, it } from 'vitest';
import { highwireTags, pageRange, sourceTags } from '../../src/site/highwire.ts';
import { jsonLdText, medicalWebPage, scholarlyArticle } from '../../src/site/json-ld.ts';
import { item } from './helpers/library.ts';

const base = {
  url: 'https://evidence.example.org/articles/x/',
  name: 'Acupuncture for chronic pain',
  description: 'What the research shows.',
  locale: 'en-GB',
  lastReviewed: new Date('2026-11-27T00:00:00Z'),
  publisher: { name: 'Evidence Library editors', url: 'https://evidence.example.org/' },
  conditions: [{ name: 'Chronic low back pain', url: 'https://evidence.example.org/conditions/clbp/', alternateName: ['lumbago'], icd10: 'M54.5' }],
  citations: [item('vickers2018acupuncture'), item('nice2016ng59')],
};

describe('medicalWebPage', () => {
  it('says what the page is about, when it was reviewed, by whom, and what it cites', () => {
    const page = medicalWebPage({ ...base, reviewers: [{ name: 'Dr A Smith', credentials: 'MB ChB, GP' }] });
    expect(page).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'MedicalWebPage',
      lastReviewed: '2026-11-27',
      reviewedBy: [{ '@type': 'Person', name: 'Dr A Smith', description: 'MB ChB, GP' }],
      about: [{ '@type': 'MedicalCondition', name: 'Chronic low back pain', alternateName: ['lumbago'], code: { '@type': 'MedicalCode', codeValue: 'M54.5', codingSystem: 'ICD-10' } }],
    });
    expect(page.citation).toHaveLength(2);
  });

  it('names the publisher as reviewer when no person is named', () => {
    expect(medicalWebPage({ ...base, reviewers: [] }).reviewedBy).toEqual({ '@type': 'Organization', name: 'Evidence Library editors', url: 'https://evidence.example.org/' });
  });
});

describe('scholarlyArticle', () => {
  it('carries DOI, PMID and PMCID as identifiers and the DOI as sameAs', () => {
    const article = scholarlyArticle(item('vickers2018acupuncture'));
    expect(article.identifier).toEqual([
      { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1016/j.jpain.2017.11.005' },
      { '@type': 'PropertyValue', propertyID: 'PMID', value: '29198932' },
      { '@type': 'PropertyValue', propertyID: 'PMCID', value: 'PMC5927830' },
    ]);
    expect(article.sameAs).toBe('https://doi.org/10.1016/j.jpain.2017.11.005');
    expect(article.isPartOf).toEqual({ '@type': 'Periodical', name: 'The Journal of Pain' });
  });

  it('links a source without identifiers to its web page', () => {
    const guideline = scholarlyArticle(item('nice2016ng59'));
    expect(guideline.identifier).toBeUndefined();
    expect(guideline.url).toBe('https://www.nice.org.uk/guidance/ng59');
  });
});

describe('scholarlyArticle with hostile fields', () => {
  it('links only http(s) URLs and percent-encodes the DOI', () => {
    const hostile = scholarlyArticle({ id: 'x', type: 'article-journal', title: 'T', URL: 'javascript:alert(1)' });
    expect(hostile.url).toBeUndefined();
    const doi = scholarlyArticle({ id: 'y', type: 'article-journal', title: 'T', DOI: '10.1000/x"><svg/onload=alert(1)>' });
    expect(doi.sameAs).toBe('https://doi.org/10.1000/x%22%3E%3Csvg/onload=alert(1)%3E');
  });
});

describe('jsonLdText', () => {
  it('cannot be closed early by a field that contains </script>', () => {
    const text = jsonLdText({ name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('</script');
    expect(JSON.parse(text).name).toBe('</script><script>alert(1)</script>');
  });
});

describe('highwireTags', () => {
  const tags = highwireTags({ title: 'T', authors: [], date: new Date('2026-11-27T00:00:00Z'), url: base.url, publisher: 'Editors', locale: 'en-GB', references: base.citations });
  const values = (name: string) => tags.filter((t) => t.name === name).map((t) => t.content);

  it('gives the title, an author, the date as Zotero reads it and the public URL', () => {
    expect(values('citation_title')).toEqual(['T']);
    expect(values('citation_author')).toEqual(['Editors,']);
    expect(values('citation_publication_date')).toEqual(['2026/11/27']);
    expect(values('citation_public_url')).toEqual([base.url]);
  });

  it('writes an organisation as an author with a trailing comma, which Zotero keeps whole where it made "Evidence Library editorial team" the person "team, Evidence Library editorial"', () => {
    const authors = (names: string[]) => highwireTags({ title: 'T', authors: names, date: new Date('2026-11-27T00:00:00Z'), url: base.url, publisher: 'Evidence Library editorial team', locale: 'en-GB', references: [] })
      .filter((t) => t.name === 'citation_author').map((t) => t.content);
    expect(authors([])).toEqual(['Evidence Library editorial team,']);
    expect(authors(['Doe, Jane', 'Cochrane Back and Neck Group'])).toEqual(['Doe, Jane', 'Cochrane Back and Neck Group,']);
    const guideline = { id: 'g', type: 'document', title: 'Low back pain', author: [{ literal: 'National Institute for Health and Care Excellence' }, { family: 'Smith', given: 'Ann' }] };
    expect(sourceTags(guideline).filter((t) => t.name === 'citation_author').map((t) => t.content)).toEqual(['National Institute for Health and Care Excellence,', 'Smith, Ann']);
  });

  it('lists each source as a citation_reference in Google Scholar form', () => {
    const [vickers] = values('citation_reference');
    expect(vickers).toMatch(/^citation_title=Acupuncture for Chronic Pain: Update of an Individual Patient Data Meta-Analysis; citation_author=Vickers, Andrew J\.; /u);
    expect(vickers).toContain('citation_doi=10.1016/j.jpain.2017.11.005');
    expect(vickers).toContain('citation_publication_date=2018');
    expect(values('citation_reference')).toHaveLength(2);
  });

  it('keeps the ";" of a SICI DOI in a citation_reference, percent-encoded, where a text field\'s becomes a comma', () => {
    const sici = { id: 's', type: 'article-journal', title: 'Pain; a review', DOI: '10.1002/(SICI)1097-4636(199711)37:2<290::AID-JBM20>3.0.CO;2-B', issued: { 'date-parts': [[1997]] } };
    const [reference] = highwireTags({ title: 'T', authors: [], date: new Date('2026-11-27T00:00:00Z'), url: base.url, publisher: 'Editors', locale: 'en-GB', references: [sici] }).filter((t) => t.name === 'citation_reference').map((t) => t.content);
    expect(reference).toBe('citation_title=Pain, a review; citation_publication_date=1997; citation_doi=10.1002/(SICI)1097-4636(199711)37:2<290::AID-JBM20>3.0.CO%3B2-B');
    const percent = highwireTags({ title: 'T', authors: [], date: new Date('2026-11-27T00:00:00Z'), url: base.url, publisher: 'Editors', locale: 'en-GB', references: [{ id: 'p', type: 'article-journal', DOI: '10.1000/a%20b;c' }] });
    expect(percent.find((t) => t.name === 'citation_reference')!.content).toBe('citation_doi=10.1000/a%2520b%3Bc');
  });
});

describe('sourceTags', () => {
  it("gives a source's page what a reference manager needs to save the work whole: volume, issue and pages too", () => {
    expect(sourceTags(item('vickers2018acupuncture')).filter((tag) => tag.name !== 'citation_author')).toEqual([
      { name: 'citation_title', content: 'Acupuncture for Chronic Pain: Update of an Individual Patient Data Meta-Analysis' },
      { name: 'citation_journal_title', content: 'The Journal of Pain' },
      { name: 'citation_publication_date', content: '2018' },
      { name: 'citation_volume', content: '19' },
      { name: 'citation_doi', content: '10.1016/j.jpain.2017.11.005' },
      { name: 'citation_issue', content: '5' },
      { name: 'citation_firstpage', content: '455' },
      { name: 'citation_lastpage', content: '474' },
      { name: 'citation_pmid', content: '29198932' },
    ]);
    expect(sourceTags({ id: 'e', type: 'article-journal', title: 'T', page: 'e076000' }).map((tag) => tag.name)).toEqual(['citation_title', 'citation_firstpage']);
  });
});

describe('pageRange', () => {
  it('writes out a last page PubMed shortens, and gives a list of pages its first', () => {
    expect(pageRange('455-474')).toEqual({ first: '455', last: '474' });
    expect(pageRange('455-74')).toEqual({ first: '455', last: '474' });
    expect(pageRange('1892–8')).toEqual({ first: '1892', last: '1898' });
    expect(pageRange('S12-S19')).toEqual({ first: 'S12', last: 'S19' });
    expect(pageRange('455, 460-462')).toEqual({ first: '455' });
    expect(pageRange('e076000')).toEqual({ first: 'e076000' });
    expect(pageRange('')).toEqual({ first: undefined });
  });
});

describe('names and identifiers as reference managers store them', () => {
  const work = {
    id: 'w', type: 'article-journal', title: 'T', DOI: '10.7326/M16-2367', PMID: '30999999',
    author: [
      { family: 'Windt', given: 'Daniëlle A. W. M.', 'non-dropping-particle': 'van der' },
      { family: 'Fontaine', given: 'Jean', 'dropping-particle': 'de la' },
      { family: 'Smith', given: 'John', suffix: 'Jr' },
      { family: '张', given: '伟' },
    ],
  };

  it('keeps name particles and suffixes in citation_author and JSON-LD, and writes Chinese names family first', () => {
    expect(sourceTags(work).filter((tag) => tag.name === 'citation_author').map((tag) => tag.content)).toEqual([
      'van der Windt, Daniëlle A. W. M.', 'Fontaine, Jean de la', 'Smith, John, Jr', '张, 伟',
    ]);
    expect((scholarlyArticle(work).author as { name: string }[]).map((person) => person.name)).toEqual([
      'Daniëlle A. W. M. van der Windt', 'Jean de la Fontaine', 'John Smith Jr', '张伟',
    ]);
  });

  it('keeps the letter case of a DOI, which Zotero stores and prints as the page gives it', () => {
    expect(sourceTags(work).find((tag) => tag.name === 'citation_doi')!.content).toBe('10.7326/M16-2367');
    expect(scholarlyArticle(work)).toMatchObject({ sameAs: 'https://doi.org/10.7326/M16-2367', identifier: [{ propertyID: 'DOI', value: '10.7326/M16-2367' }, { propertyID: 'PMID', value: '30999999' }] });
  });
});
