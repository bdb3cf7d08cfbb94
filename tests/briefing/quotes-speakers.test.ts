import { describe, expect, it } from 'vitest';
import { attributeAfter, attributeBefore } from '../../src/briefing/quote-parts/attribution';
import { parseArabicPhrase } from '../../src/briefing/quote-parts/packs/ar/phrase';
import { parseLatinInverted, parseLatinSubject } from '../../src/briefing/quote-parts/packs/latin/phrase';
import { tokenize } from '../../src/briefing/quote-parts/tokens';
import type { Language } from '../../src/briefing/schema';
import { SpeakerBook } from '../../src/briefing/speakers';

describe('parseArabicPhrase: role and name after the verb', () => {
  it.each<[string, { name?: string; role?: string }]>([
    ['السفير الروسي لدى الأمم المتحدة أوليغ بورميستروف', { role: 'السفير الروسي لدى الأمم المتحدة', name: 'أوليغ بورميستروف' }],
    ['المتحدثة باسم وزارة الخارجية الروسية', { role: 'المتحدثة باسم وزارة الخارجية الروسية' }],
    ['بيورن روثر، رئيس بعثة الصندوق إلى تونس', { name: 'بيورن روثر', role: 'رئيس بعثة الصندوق إلى تونس' }],
    ['مدير مطار تشوك، جيمي إميليو، لبي بي سي', { role: 'مدير مطار تشوك', name: 'جيمي إميليو' }],
    ['الرئيس المصري عبد الفتاح السيسي', { role: 'الرئيس المصري', name: 'عبد الفتاح السيسي' }],
    ['وزير خارجية روسيا سيرغي لافروف', { role: 'وزير خارجية روسيا', name: 'سيرغي لافروف' }],
    ['مصدر أمني مصري', { role: 'مصدر أمني مصري' }],
    ['ترامب على حسابه في تويتر', { name: 'ترامب' }],
    ['الطبيبة أليسون تيدستون', { role: 'الطبيبة', name: 'أليسون تيدستون' }],
    ['أيضا الوزير علي حسن', { role: 'الوزير', name: 'علي حسن' }],
  ])('%s', (text, want) => {
    expect(parseArabicPhrase(tokenize(text))).toEqual(want);
  });
});

describe('parseLatinSubject / parseLatinInverted', () => {
  it.each<[string, 'subject' | 'inverted', { name?: string; role?: string; pronoun?: string }]>([
    ['Jane Smith, the mayor,', 'subject', { name: 'Jane Smith', role: 'the mayor' }],
    ['Mayor Jane Smith', 'subject', { name: 'Jane Smith', role: 'Mayor' }],
    ['Secretary of State Mike Pompeo', 'subject', { name: 'Mike Pompeo', role: 'Secretary of State' }],
    ['The mayor of Springfield', 'subject', { role: 'The mayor of Springfield' }],
    ['In a statement, the ministry', 'subject', { role: 'the ministry' }],
    ['she', 'subject', { pronoun: 'f' }],
    ['le ministre de l’Intérieur Gérald Darmanin', 'subject', { name: 'Gérald Darmanin', role: 'le ministre de l’Intérieur' }],
    ['the mayor, Jane Smith.', 'inverted', { name: 'Jane Smith', role: 'the mayor' }],
    ['Robert Brown, a professor of economics at the university.', 'inverted', { name: 'Robert Brown', role: 'a professor of economics' }],
    ['Alice Walker, who leads the party.', 'inverted', { name: 'Alice Walker' }],
  ])('%s (%s)', (text, where, want) => {
    const phrase = where === 'subject' ? parseLatinSubject(tokenize(text)) : parseLatinInverted(tokenize(text));
    expect({ name: phrase.name, role: phrase.role, pronoun: phrase.pronoun }).toEqual({ name: undefined, role: undefined, pronoun: undefined, ...want });
  });
});

describe('attribution around a quote', () => {
  it.each<[string, Language, 'before' | 'after', { name?: string; role?: string; continuation?: boolean; fragment?: boolean } | null]>([
    ['وقال السفير الروسي أوليغ بورميستروف إن ', 'ar', 'before', { name: 'أوليغ بورميستروف', role: 'السفير الروسي', fragment: false }],
    ['وأضاف: ', 'ar', 'before', { continuation: true }],
    ['وقالت المتحدثة إن روسيا تعتبر الهجوم ', 'ar', 'before', { role: 'المتحدثة', fragment: true }],
    ['وكان ترامب قد قال ', 'ar', 'before', { name: 'ترامب' }],
    ['ووصف المحلل الخطوة بأنها ', 'ar', 'before', { role: 'المحلل', fragment: false }],
    ['ونشرت الصحيفة صورة ', 'ar', 'before', null],
    ['، قال أبو محمد، وهو نازح.', 'ar', 'after', { name: 'أبو محمد' }],
    ['، بحسب وزارة الصحة.', 'ar', 'after', { role: 'وزارة الصحة' }],
    ['. وقال الوزير إن الوضع صعب.', 'ar', 'after', null],
    ['، على حد قوله.', 'ar', 'after', { continuation: true }],
    ['Smith told reporters: ', 'en', 'before', { name: 'Smith', fragment: false }],
    ['Brown said the budget was ', 'en', 'before', { name: 'Brown', fragment: true }],
    [' she added.', 'en', 'after', { continuation: true }],
    [' said Jane Smith, the mayor.', 'en', 'after', { name: 'Jane Smith', role: 'the mayor' }],
    [' the company announced on Monday.', 'en', 'after', { role: 'the company' }],
    [', a-t-elle ajouté.', 'fr', 'after', { continuation: true }],
    [', a déclaré le maire, Jean Dupont.', 'fr', 'after', { name: 'Jean Dupont', role: 'le maire' }],
    ['Selon la préfecture, ', 'fr', 'before', { role: 'la préfecture', fragment: false }],
    ['Le maire a affirmé que ', 'fr', 'before', { role: 'Le maire', fragment: false }],
  ])('%s (%s, %s)', (context, language, where, want) => {
    const a = where === 'before' ? attributeBefore(context, language) : attributeAfter(context, language);
    if (want === null) {
      expect(a?.phrase).toBeUndefined();
      expect(a?.continuation ?? false).toBe(false);
      return;
    }
    expect(a).not.toBeNull();
    if (want.name !== undefined) expect(a!.phrase?.name).toBe(want.name);
    if (want.role !== undefined) expect(a!.phrase?.role).toBe(want.role);
    if (want.continuation !== undefined) expect(a!.continuation).toBe(want.continuation);
    if (want.fragment !== undefined) expect(a!.fragment).toBe(want.fragment);
  });
});

describe('SpeakerBook', () => {
  it('resolves a role to the name the article gives it, and a surname to the full name', () => {
    const book = new SpeakerBook(['استقبل الرئيس الروسي فلاديمير بوتين الوفد.'], 'ar');
    expect(book.mention({ role: 'الرئيس الروسي' })).toEqual({ speaker: 'فلاديمير بوتين', speakerRole: 'الرئيس الروسي' });
    expect(book.mention({ name: 'بوتين' })).toEqual({ speaker: 'فلاديمير بوتين', speakerRole: 'الرئيس الروسي' });
  });

  it('keeps the role as the speaker when nobody is named for it', () => {
    const book = new SpeakerBook(['Nothing names the spokeswoman here.'], 'en');
    expect(book.mention({ role: 'the spokeswoman' }, 'f')).toEqual({ speaker: 'the spokeswoman', speakerRole: 'the spokeswoman' });
  });

  it('continues with the last speaker of the asked gender, else the last one', () => {
    const book = new SpeakerBook([], 'en');
    book.mention({ name: 'Ana Lopez' }, 'f');
    book.mention({ name: 'Paul Grant' }, 'm');
    expect(book.continuation('f')?.speaker).toBe('Ana Lopez');
    expect(book.continuation('m')?.speaker).toBe('Paul Grant');
    expect(book.continuation()?.speaker).toBe('Paul Grant');
  });

  it('has nobody to continue with before anyone spoke', () => {
    expect(new SpeakerBook([], 'fr').continuation('f')).toBeNull();
  });
});
