import { useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { AFSPRAAK_STATUSES, DOSSIER_KINDS, type Afspraak, type Dossier, type DossierCollection, type Me } from '@gka/shared';
import { useDossierWrite, type DossierWrite } from '../../../api/werkruimte.ts';
import { formatDate, overdue, parseDeelnemers } from './dossierRows.ts';

type Indicator = { code: string; name: string };
type Props = { gemeente: { code: string; name: string }; dossier: Dossier; me: Me; indicators: Indicator[]; selected?: string };

const TABS = [
  { id: 'afspraken', label: 'Afspraken' },
  { id: 'gesprekken', label: 'Gesprekken' },
  { id: 'duidingen', label: 'Duiding' },
  { id: 'interventies', label: 'Interventies' },
] as const satisfies readonly { id: DossierCollection; label: string }[];

/**
 * The werkruimte on the gemeente page: afspraken (open first, overdue marked), gesprekken, duiding and
 * interventies, each with a form. Only for whoever /ik says may open this dossier; text is rendered
 * as text, never as HTML.
 */
export function DossierSection({ gemeente, dossier, me, indicators, selected }: Props) {
  const [tab, setTab] = useState<DossierCollection>('afspraken');
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const write = useDossierWrite(gemeente.code, me.csrfToken);
  const [undo, setUndo] = useState<{ collection: DossierCollection; id: number; what: string } | null>(null);
  const remove = (collection: DossierCollection, id: number, what: string) =>
    write.mutate({ action: 'delete', collection, id }, { onSuccess: () => setUndo({ collection, id, what }) });
  const names = new Map(indicators.map((i) => [i.code, i.name]));
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(TABS[next]!.id);
    refs.current[TABS[next]!.id]?.focus();
  };
  const count = (c: DossierCollection) => dossier[c].length;
  return (
    <section aria-labelledby="dossier-kop" className="dossier" data-testid="dossier">
      <h2 id="dossier-kop">Dossier {gemeente.name}</h2>
      <p className="hint">
        Alleen zichtbaar voor wie toegang heeft tot deze gemeente. Elke wijziging wordt bewaard als nieuwe versie; verwijderen is ongedaan te maken.
      </p>
      <p>
        <Link
          className="button"
          to={`/gemeente/${gemeente.code}/notitie?dossier=1${selected ? `&indicator=${selected}` : ''}`}
          data-testid="notitie-dossier-link"
        >
          Gespreksnotitie met dossier (vertrouwelijk)
        </Link>
      </p>
      {undo && (
        <p className="status" role="status">
          {undo.what} is verwijderd.{' '}
          <button
            type="button"
            className="button"
            onClick={() => write.mutate({ action: 'restore', collection: undo.collection, id: undo.id }, { onSuccess: () => setUndo(null) })}
          >
            Ongedaan maken
          </button>
        </p>
      )}
      <div role="tablist" aria-label="Onderdelen van het dossier" className="tabs" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`paneel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label} ({count(t.id)})
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`paneel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
        {tab === 'afspraken' && (
          <>
            <ItemList empty="Nog geen afspraken.">
              {dossier.afspraken.map((a) => (
                <li key={a.id} className={overdue(a) ? 'dossier-item dossier-item--overdue' : 'dossier-item'} data-testid="afspraak">
                  <p className="dossier-item__title">
                    {a.wat} {overdue(a) && <strong className="badge badge--warn">Te laat</strong>}
                  </p>
                  <p className="dossier-item__meta">
                    {a.wie} · uiterlijk {formatDate(a.deadline)} · {a.status}
                  </p>
                  <StatusChange
                    afspraak={a}
                    onChange={(status) => write.mutate({ action: 'update', collection: 'afspraken', id: a.id, body: { ...pick(a), status } })}
                  />
                  <DeleteButton onClick={() => remove('afspraken', a.id, `De afspraak “${a.wat}”`)} />
                </li>
              ))}
            </ItemList>
            <NewItem label="Nieuwe afspraak" write={write} collection="afspraken">
              {(submit) => <AfspraakForm gesprekken={dossier.gesprekken} submit={submit} />}
            </NewItem>
          </>
        )}
        {tab === 'gesprekken' && (
          <>
            <ItemList empty="Nog geen gesprekken vastgelegd.">
              {dossier.gesprekken.map((g) => (
                <li key={g.id} className="dossier-item" data-testid="gesprek">
                  <p className="dossier-item__title">Gesprek van {formatDate(g.datum)}</p>
                  <p className="dossier-item__meta">Met {g.deelnemers.map((d) => (d.rol ? `${d.naam} (${d.rol})` : d.naam)).join(', ')}</p>
                  <p className="dossier-item__text">{g.samenvatting}</p>
                  {g.indicatoren.length > 0 && <p className="dossier-item__meta">Over: {g.indicatoren.map((c) => names.get(c) ?? c).join(', ')}</p>}
                  <DeleteButton onClick={() => remove('gesprekken', g.id, `Het gesprek van ${formatDate(g.datum)}`)} />
                </li>
              ))}
            </ItemList>
            <NewItem label="Nieuw gesprek" write={write} collection="gesprekken">
              {(submit) => <GesprekForm indicators={indicators} selected={selected} submit={submit} />}
            </NewItem>
          </>
        )}
        {tab === 'duidingen' && (
          <>
            <ItemList empty="Nog geen duiding.">
              {dossier.duidingen.map((d) => (
                <li key={d.id} className="dossier-item" data-testid="duiding">
                  <p className="dossier-item__title">{names.get(d.indicator) ?? d.indicator}</p>
                  <p className="dossier-item__text">{d.tekst}</p>
                  <p className="dossier-item__meta">
                    {d.bijgewerktDoor}, {formatDate(d.bijgewerktOp)}
                  </p>
                  <DeleteButton onClick={() => remove('duidingen', d.id, 'De duiding')} />
                </li>
              ))}
            </ItemList>
            <NewItem label="Nieuwe duiding" write={write} collection="duidingen">
              {(submit) => <DuidingForm indicators={indicators} selected={selected} submit={submit} />}
            </NewItem>
          </>
        )}
        {tab === 'interventies' && (
          <>
            <ItemList empty="Nog geen interventies.">
              {dossier.interventies.map((i) => (
                <li key={i.id} className="dossier-item" data-testid="interventie">
                  <p className="dossier-item__title">
                    {i.naam} {i.deelbaar && <span className="badge">gedeeld</span>}
                  </p>
                  <p className="dossier-item__meta">
                    Vanaf {formatDate(i.start)}
                    {i.eind ? ` tot ${formatDate(i.eind)}` : ''}
                    {i.doelgroep ? ` · ${i.doelgroep}` : ''}
                    {i.indicatoren.length ? ` · op ${i.indicatoren.map((c) => names.get(c) ?? c).join(', ')}` : ''}
                  </p>
                  {i.beschrijving && <p className="dossier-item__text">{i.beschrijving}</p>}
                  <DeleteButton onClick={() => remove('interventies', i.id, `De interventie “${i.naam}”`)} />
                </li>
              ))}
            </ItemList>
            <NewItem label="Nieuwe interventie" write={write} collection="interventies">
              {(submit) => <InterventieForm indicators={indicators} selected={selected} submit={submit} />}
            </NewItem>
          </>
        )}
      </div>
    </section>
  );
}

const pick = (a: Afspraak) => ({ wat: a.wat, wie: a.wie, deadline: a.deadline, status: a.status, gesprek: a.gesprek });

function ItemList({ empty, children }: { empty: string; children: ReactNode[] }) {
  return children.length ? <ul className="dossier-list">{children}</ul> : <p className="status status--empty">{empty}</p>;
}

function DeleteButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="link-button dossier-item__delete" onClick={onClick}>
      Verwijderen
    </button>
  );
}

function StatusChange({ afspraak, onChange }: { afspraak: Afspraak; onChange: (s: Afspraak['status']) => void }) {
  const id = useId();
  return (
    <span className="field field--inline">
      <label htmlFor={id}>Status</label>
      <select id={id} value={afspraak.status} onChange={(e) => onChange(e.target.value as Afspraak['status'])}>
        {AFSPRAAK_STATUSES.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
    </span>
  );
}

type Submit = (body: unknown, reset: () => void) => void;
type Write = ReturnType<typeof useDossierWrite>;

/** A form for a new item in a <details>, with the API's Dutch message when it refuses. */
function NewItem({
  label,
  write,
  collection,
  children,
}: {
  label: string;
  write: Write;
  collection: DossierCollection;
  children: (submit: Submit) => ReactNode;
}) {
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const submit: Submit = (body, reset) => {
    setError(null);
    setSaved(false);
    // The contract the API checks, checked here first: its Dutch messages, without a round trip.
    const checked = DOSSIER_KINDS[collection].content.safeParse(body);
    if (!checked.success) {
      const message = checked.error.issues.map((i) => i.message).join('; ');
      return setError(message.charAt(0).toUpperCase() + message.slice(1));
    }
    const w: DossierWrite = { action: 'create', collection, body };
    write.mutate(w, {
      onSuccess: () => {
        reset();
        setSaved(true);
      },
      onError: (e) => setError(e.message),
    });
  };
  return (
    <details className="dossier-new">
      <summary>{label}</summary>
      {children(submit)}
      {error && (
        <p className="status status--error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p className="status" role="status">
          Opgeslagen.
        </p>
      )}
    </details>
  );
}

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

function IndicatorSelect({
  indicators,
  value,
  onChange,
  multiple,
}: {
  indicators: Indicator[];
  value: string | string[];
  onChange: (v: string[]) => void;
  multiple?: boolean;
}) {
  return (
    <Field label={multiple ? 'Indicatoren (kies er een of meer)' : 'Indicator'}>
      {(id) => (
        <select
          id={id}
          multiple={multiple}
          value={value}
          onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
          size={multiple ? Math.min(6, indicators.length) : undefined}
        >
          {indicators.map((i) => (
            <option key={i.code} value={i.code}>
              {i.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const onSubmit = (f: (e: FormEvent) => void) => (e: FormEvent) => {
  e.preventDefault();
  f(e);
};

function DuidingForm({ indicators, selected, submit }: { indicators: Indicator[]; selected?: string; submit: Submit }) {
  const [indicator, setIndicator] = useState(selected ?? indicators[0]?.code ?? '');
  const [tekst, setTekst] = useState('');
  return (
    <form
      noValidate
      className="filters filters--stacked form"
      aria-label="Nieuwe duiding"
      onSubmit={onSubmit(() => submit({ indicator, tekst }, () => setTekst('')))}
    >
      <IndicatorSelect indicators={indicators} value={indicator} onChange={(v) => setIndicator(v[0] ?? '')} />
      <Field label="Duiding">{(id) => <textarea id={id} rows={4} required value={tekst} onChange={(e) => setTekst(e.target.value)} />}</Field>
      <p>
        <button type="submit" className="button">
          Duiding opslaan
        </button>
      </p>
    </form>
  );
}

function AfspraakForm({ gesprekken, submit }: { gesprekken: Dossier['gesprekken']; submit: Submit }) {
  const [v, setV] = useState({ wat: '', wie: '', deadline: '', gesprek: '' });
  const reset = () => setV({ wat: '', wie: '', deadline: '', gesprek: '' });
  return (
    <form
      noValidate
      className="filters filters--stacked form"
      aria-label="Nieuwe afspraak"
      onSubmit={onSubmit(() => submit({ wat: v.wat, wie: v.wie, deadline: v.deadline, gesprek: v.gesprek ? Number(v.gesprek) : null }, reset))}
    >
      <Field label="Wat is afgesproken">
        {(id) => <textarea id={id} rows={2} required value={v.wat} onChange={(e) => setV({ ...v, wat: e.target.value })} />}
      </Field>
      <Field label="Wie doet het">{(id) => <input id={id} required value={v.wie} onChange={(e) => setV({ ...v, wie: e.target.value })} />}</Field>
      <Field label="Uiterlijk op">
        {(id) => <input id={id} type="date" required value={v.deadline} onChange={(e) => setV({ ...v, deadline: e.target.value })} />}
      </Field>
      {gesprekken.length > 0 && (
        <Field label="Uit het gesprek van">
          {(id) => (
            <select id={id} value={v.gesprek} onChange={(e) => setV({ ...v, gesprek: e.target.value })}>
              <option value="">geen</option>
              {gesprekken.map((g) => (
                <option key={g.id} value={g.id}>
                  {formatDate(g.datum)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <p>
        <button type="submit" className="button">
          Afspraak opslaan
        </button>
      </p>
    </form>
  );
}

function GesprekForm({ indicators, selected, submit }: { indicators: Indicator[]; selected?: string; submit: Submit }) {
  const [v, setV] = useState({ datum: '', deelnemers: '', samenvatting: '', indicatoren: selected ? [selected] : [] });
  const reset = () => setV({ datum: '', deelnemers: '', samenvatting: '', indicatoren: [] });
  return (
    <form
      noValidate
      className="filters filters--stacked form"
      aria-label="Nieuw gesprek"
      onSubmit={onSubmit(() =>
        submit({ datum: v.datum, deelnemers: parseDeelnemers(v.deelnemers), samenvatting: v.samenvatting, indicatoren: v.indicatoren }, reset),
      )}
    >
      <Field label="Datum">{(id) => <input id={id} type="date" required value={v.datum} onChange={(e) => setV({ ...v, datum: e.target.value })} />}</Field>
      <Field label="Deelnemers (één per regel: naam, rol)">
        {(id) => <textarea id={id} rows={3} required value={v.deelnemers} onChange={(e) => setV({ ...v, deelnemers: e.target.value })} />}
      </Field>
      <Field label="Samenvatting">
        {(id) => <textarea id={id} rows={4} required value={v.samenvatting} onChange={(e) => setV({ ...v, samenvatting: e.target.value })} />}
      </Field>
      <IndicatorSelect indicators={indicators} value={v.indicatoren} multiple onChange={(indicatoren) => setV({ ...v, indicatoren })} />
      <p>
        <button type="submit" className="button">
          Gesprek opslaan
        </button>
      </p>
    </form>
  );
}

function InterventieForm({ indicators, selected, submit }: { indicators: Indicator[]; selected?: string; submit: Submit }) {
  const empty = { naam: '', beschrijving: '', doelgroep: '', start: '', eind: '', indicatoren: selected ? [selected] : [], deelbaar: false };
  const [v, setV] = useState(empty);
  return (
    <form
      noValidate
      className="filters filters--stacked form"
      aria-label="Nieuwe interventie"
      onSubmit={onSubmit(() => submit({ ...v, eind: v.eind || null }, () => setV(empty)))}
    >
      <Field label="Naam">{(id) => <input id={id} required value={v.naam} onChange={(e) => setV({ ...v, naam: e.target.value })} />}</Field>
      <Field label="Beschrijving">
        {(id) => <textarea id={id} rows={3} value={v.beschrijving} onChange={(e) => setV({ ...v, beschrijving: e.target.value })} />}
      </Field>
      <Field label="Doelgroep">{(id) => <input id={id} value={v.doelgroep} onChange={(e) => setV({ ...v, doelgroep: e.target.value })} />}</Field>
      <Field label="Start">{(id) => <input id={id} type="date" required value={v.start} onChange={(e) => setV({ ...v, start: e.target.value })} />}</Field>
      <Field label="Einde (leeg: loopt nog)">
        {(id) => <input id={id} type="date" value={v.eind} onChange={(e) => setV({ ...v, eind: e.target.value })} />}
      </Field>
      <IndicatorSelect indicators={indicators} value={v.indicatoren} multiple onChange={(indicatoren) => setV({ ...v, indicatoren })} />
      <div className="field field--inline">
        <input id="interventie-deelbaar" type="checkbox" checked={v.deelbaar} onChange={(e) => setV({ ...v, deelbaar: e.target.checked })} />
        <label htmlFor="interventie-deelbaar">Delen met andere gemeenten (kennisdeling)</label>
      </div>
      <p>
        <button type="submit" className="button">
          Interventie opslaan
        </button>
      </p>
    </form>
  );
}
