import { describe, expect, it } from 'vitest';
import { createBriefing } from '../../src/briefing';
import { detectLanguage, directionOf, languageFromCode } from '../../src/briefing/language';

describe('detectLanguage', () => {
  it.each([
    ['ar', 'وصل وزير الخارجية الروسي سيرغي لافروف إلى كوريا الشمالية يوم الأربعاء.'],
    ['ar', 'أعلنت شركة "Vue International" الاثنين أنها ستطلق 30 صالة سينمائية في السعودية.'],
    ['en', 'The city council approved a new tram line on Tuesday after a long debate.'],
    ['fr', 'Le Parlement a adopté mardi la réforme des retraites, après des semaines de débats.'],
    ['fr', "L'Assemblée nationale a voté le texte, selon le gouvernement."],
    ['other', 'Der Bundestag hat am Dienstag das neue Gesetz beschlossen.'],
    ['other', 'Государственная дума приняла закон во вторник.'],
    ['other', '12345 67890 !!!'],
    ['other', ''],
  ])('detects %s', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it.each([
    ['ar', 'rtl'],
    ['en', 'ltr'],
    ['fr', 'ltr'],
  ] as const)('%s is written %s', (language, direction) => {
    expect(directionOf(language)).toBe(direction);
  });

  it.each([
    ['a Hebrew text', 'הכנסת אישרה את החוק ביום שלישי.', 'rtl'],
    ['a German text', 'Der Bundestag hat das Gesetz beschlossen.', 'ltr'],
  ])('guesses the direction of %s from its script', (_name, text, direction) => {
    expect(directionOf('other', text)).toBe(direction);
  });

  it.each([
    ['ar', 'ar'],
    ['ar-EG', 'ar'],
    ['EN', 'en'],
    ['fr-FR', 'fr'],
    ['de', 'other'],
    ['', undefined],
  ])('maps the code "%s" to %s', (code, language) => {
    expect(languageFromCode(code)).toBe(language);
  });

  it('lets options.language override detection', () => {
    const briefing = createBriefing('The council met on Monday. It voted twice.', { language: 'fr' });
    expect(briefing.language).toBe('fr');
    expect(createBriefing('The council met on Monday.', { language: 'ar' }).direction).toBe('rtl');
  });
});
