import { describe, expect, it } from 'vitest';
import { speakerLabel } from '../../src/briefing/speaker-label';

describe('speakerLabel', () => {
  it.each([
    // Name and a distinct role: "Name (role)".
    ['ar name and role', 'سيرغي لافروف', 'وزير الخارجية الروسي', 'سيرغي لافروف (وزير الخارجية الروسي)'],
    ['en name and role', 'Jane Doe', 'the mayor', 'Jane Doe (the mayor)'],
    ['fr name and role', 'Anne Hidalgo', 'la maire de Paris', 'Anne Hidalgo (la maire de Paris)'],
    // The same text twice (the README article's repeated spokeswoman): once.
    ['ar role repeated as speaker', 'المتحدثة باسم وزارة الخارجية الروسية', 'المتحدثة باسم وزارة الخارجية الروسية', 'المتحدثة باسم وزارة الخارجية الروسية'],
    ['en role repeated, other case', 'The mayor', 'the mayor', 'The mayor'],
    ['fr role repeated, other accents', 'Le Ministre de l’Économie', 'le ministre de l’economie', 'Le Ministre de l’Économie'],
    ['ar role repeated with diacritics and alef forms', 'الرئيسُ الأمريكي', 'الرئيس الامريكي', 'الرئيسُ الأمريكي'],
    // One contains the other: the longer one, once.
    ['ar speaker within role (prefix ال)', 'الوزير', 'وزير الخارجية', 'وزير الخارجية'],
    ['ar role within speaker', 'وزير الخارجية الروسي سيرغي لافروف', 'وزير الخارجية الروسي', 'وزير الخارجية الروسي سيرغي لافروف'],
    ['en role within speaker', 'Mayor Jane Doe', 'mayor', 'Mayor Jane Doe'],
    ['fr speaker within role', 'le porte-parole', 'le porte-parole du gouvernement', 'le porte-parole du gouvernement'],
    // Only one known.
    ['ar name only', 'فلاديمير بوتين', undefined, 'فلاديمير بوتين'],
    ['en role only', null, 'the police', 'the police'],
    ['fr name only', 'Marie Dupont', undefined, 'Marie Dupont'],
    ['nobody', null, undefined, undefined],
    // A word that only starts like the other is not a repeat.
    ['en partial word is distinct', 'Mayoral candidate', 'mayor', 'Mayoral candidate (mayor)'],
  ] as const)('%s', (_case, speaker, speakerRole, expected) => {
    expect(speakerLabel({ speaker, speakerRole })).toBe(expected);
  });

  it('collapses white space and line breaks', () => {
    expect(speakerLabel({ speaker: ' Jane\n Doe ', speakerRole: 'the\tmayor' })).toBe('Jane Doe (the mayor)');
  });
});
