// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithApi } from '../../test/render.tsx';
import { InloggenView, safeReturnPath } from './InloggenView.tsx';

describe('Inloggen', () => {
  it('offers sign-in through the organisation only when the API has OIDC, returning to the page it came from', async () => {
    renderWithApi(<InloggenView />, { url: '/inloggen?terug=%2Fgemeente%2FGM0855', api: { 'sessie/opties': { oidc: true } } });
    const link = await screen.findByRole('link', { name: 'Inloggen via je organisatie' });
    expect(link.getAttribute('href')).toBe('/api/v1/sessie/oidc?terug=%2Fgemeente%2FGM0855');
    expect(screen.getByLabelText('E-mailadres')).toBeTruthy();
  });

  it('shows the message of a known OIDC error code, and nothing a crafted link makes up', async () => {
    const { unmount } = renderWithApi(<InloggenView />, { url: '/inloggen?fout=geen_account', api: { 'sessie/opties': { oidc: false } } });
    expect((await screen.findByRole('alert')).textContent).toBe('Er is geen account voor dit e-mailadres; vraag de beheerder om er een');
    unmount();
    renderWithApi(<InloggenView />, { url: '/inloggen?fout=Uw%20account%20is%20geblokkeerd', api: { 'sessie/opties': { oidc: false } } });
    await screen.findByLabelText('Wachtwoord');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Inloggen via je organisatie' })).toBeNull();
  });

  it('returns only to a path of this site', () => {
    expect(['/gemeente/GM0855?x=1', '//evil.example', '/\\evil.example', 'https://evil.example', null].map(safeReturnPath)).toEqual([
      '/gemeente/GM0855?x=1',
      '/',
      '/',
      '/',
      '/',
    ]);
  });
});
