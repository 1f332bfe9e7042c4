import { describe, expect, it } from 'vitest';
import { disclosureSentence } from './disclosure.ts';

describe('the suppression sentence', () => {
  it('names the noemer, the small groups sharing an outcome and the threshold in force', () => {
    expect(disclosureSentence(10)).toBe(
      'We tonen “afgeschermd” in plaats van de cijfers van een groep (gebied, school of deelgroep) met minder dan 10 leerlingen in de noemer, ' +
        'of minder dan 20 waarvan op hoogstens 2 na iedereen dezelfde uitkomst heeft, en cijfers waaruit zo’n groep terug te rekenen is; ' +
        'een kleine teller alleen is geen reden, en openbare DUO- en CBS-bestanden tonen we zoals de bron ze publiceert.',
    );
    expect(disclosureSentence(5)).toMatch(/minder dan 5 leerlingen in de noemer, of minder dan 10 waarvan/);
  });
});
