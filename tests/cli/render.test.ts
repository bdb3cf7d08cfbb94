import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/briefing';
import { quoteRole, renderBriefing, safeText, speakerLabel, toBriefJson } from '../../src/cli/render';

const ARABIC: Briefing = {
  headline: 'الحكومة تعلن خطة لخفض أسعار الخبز',
  language: 'ar',
  direction: 'rtl',
  byline: 'بقلم سارة الأحمد',
  dateline: 'القاهرة -',
  sections: [{ heading: 'ردود الفعل', paragraph: 3 }],
  quotes: [
    { text: 'لن نتراجع عن الخطة', speaker: 'علي المصيلحي', speakerRole: 'وزير التموين', paragraph: 1, partial: false },
    { text: 'خطوة مهمة', speaker: null, paragraph: 4, partial: true },
  ],
  summary: ['أعلنت الحكومة خطة جديدة.', 'وقال الوزير إنها تبدأ غدا.'],
};
const ENGLISH: Briefing = {
  headline: 'Council approves tram line',
  language: 'en',
  direction: 'ltr',
  sections: [],
  quotes: [{ text: 'This is a historic day', speaker: 'Ann Lee', paragraph: 1, partial: false }],
  summary: ['The council approved the line.'],
};
const FRENCH: Briefing = { ...ENGLISH, headline: 'Le Parlement adopte la réforme', language: 'fr', quotes: [{ text: 'Une réforme juste', speaker: 'Élisabeth Borne', paragraph: 1, partial: false }], summary: ['Le Parlement a adopté la réforme.'] };

describe('renderBriefing', () => {
  it.each([
    ['ar', ARABIC, ['الحكومة تعلن خطة لخفض أسعار الخبز', 'الملخص', '  • أعلنت الحكومة خطة جديدة.', '«لن نتراجع عن الخطة»', '— علي المصيلحي (وزير التموين)', 'متحدث غير معروف', 'الأقسام', '  • ردود الفعل', 'بقلم سارة الأحمد']],
    ['en', ENGLISH, ['Council approves tram line', 'Summary', '  • The council approved the line.', '“This is a historic day”', '— Ann Lee']],
    ['fr', FRENCH, ['Le Parlement adopte la réforme', 'Résumé', '« Une réforme juste »', '— Élisabeth Borne']],
  ] as const)('prints headline, summary bullets, quotes with speakers and sections (%s)', (_lang, briefing, parts) => {
    const text = renderBriefing(briefing, { color: false });
    for (const part of parts) expect(text).toContain(part);
    expect(text).not.toContain('\u001b[');
  });

  it('keeps Arabic text in logical order (never reversed)', () => {
    const text = renderBriefing(ARABIC, { color: false });
    expect(text.split('\n')[0]).toBe(ARABIC.headline);
  });

  it('adds ANSI styles only when asked', () => {
    expect(renderBriefing(ENGLISH, { color: true })).toContain('\u001b[1m');
  });

  it('strips terminal control characters from article text', () => {
    const evil = { ...ENGLISH, headline: 'Title\u001b[31m red\u0007' };
    expect(renderBriefing(evil, { color: false })).not.toMatch(/[\u0007\u001b]/);
    expect(safeText('a\u001bb\tc')).toBe('a b\tc');
  });
});

describe('toBriefJson', () => {
  it('has exactly the documented keys and quote fields', () => {
    const json = toBriefJson('bread', ARABIC);
    expect(Object.keys(json).sort()).toEqual(['direction', 'headline', 'id', 'language', 'quotes', 'sections', 'summary']);
    expect(json.quotes).toEqual([
      { text: 'لن نتراجع عن الخطة', speaker: 'علي المصيلحي', role: 'وزير التموين' },
      { text: 'خطوة مهمة', speaker: null, role: null },
    ]);
    expect(json.sections).toEqual(['ردود الفعل']);
  });
});

describe('speakerLabel and quoteRole: the role once', () => {
  it.each([
    ['ar: name and role', { speaker: 'علي المصيلحي', speakerRole: 'وزير التموين' }, 'علي المصيلحي (وزير التموين)', 'وزير التموين'],
    ['ar: the role as speaker and as role', { speaker: 'المتحدثة باسم الخارجية', speakerRole: 'المتحدثة باسم الخارجية' }, 'المتحدثة باسم الخارجية', null],
    ['ar: the role alone', { speaker: null, speakerRole: 'المتحدثة باسم الخارجية' }, 'المتحدثة باسم الخارجية', 'المتحدثة باسم الخارجية'],
    ['en: the same role in another case', { speaker: 'The mayor', speakerRole: 'the mayor' }, 'The mayor', null],
    ['en: a role the name already carries', { speaker: 'Russian President Vladimir Putin', speakerRole: 'Russian President' }, 'Russian President Vladimir Putin', null],
    ['en: no speaker at all', { speaker: null }, 'unknown speaker', null],
    ['fr: name and role', { speaker: 'Sophie Binet', speakerRole: 'secrétaire générale de la CGT' }, 'Sophie Binet (secrétaire générale de la CGT)', 'secrétaire générale de la CGT'],
  ] as const)('%s', (_name, quote, label, role) => {
    expect(speakerLabel(quote, 'unknown speaker')).toBe(label);
    expect(quoteRole(quote)).toBe(role);
  });

  it('prints the role once in the terminal', () => {
    const repeated = { ...ENGLISH, quotes: [{ text: 'We are ready', speaker: 'The mayor', speakerRole: 'The mayor', paragraph: 0, partial: false }] };
    const text = renderBriefing(repeated, { color: false });
    expect(text).toContain('    — The mayor\n');
    expect(text.match(/mayor/g)).toHaveLength(1);
  });
});
