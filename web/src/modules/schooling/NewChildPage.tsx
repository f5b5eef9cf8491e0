import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RegistrationForm, type RegistrationInput } from './RegistrationForm';
import { useCreateChild, useOrganisations } from './schooling.api';
import { useCity } from '../../app/city';

/** A caseworker registers a child and its siblings: the first child founds the family, the others join it. */
export function NewChildPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const city = useCity();
  const organisations = useOrganisations();
  const create = useCreateChild();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  // Children already saved when a later sibling failed: a second try continues after them, not twice.
  const [saved, setSaved] = useState<{ familyId: string; ids: { id: string; duplicate: boolean }[] } | null>(
    null,
  );
  const ortsteile = (city.data?.districts ?? [])
    .flatMap((district) => district.ortsteile)
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const schools = (organisations.data?.items ?? [])
    .filter((organisation) => organisation.kind === 'school')
    .map((school) => ({ value: school.id, label: school.name, lang: 'de' }));

  const submit = async (input: RegistrationInput) => {
    setError(null);
    setPending(true);
    try {
      let familyId = saved?.familyId;
      const created = [...(saved?.ids ?? [])];
      for (const child of input.children.slice(created.length)) {
        const reply = await create.mutateAsync(
          familyId
            ? { ...child, familyId, consents: input.consents }
            : { ...child, contact: input.contact, consents: input.consents },
        );
        familyId = reply.familyId;
        created.push({ id: reply.id, duplicate: reply.possibleDuplicateOf !== null });
        setSaved({ familyId, ids: [...created] });
      }
      const first = created[0];
      if (first) {
        navigate(`/schooling/children/${encodeURIComponent(first.id)}`, {
          state: { registered: created.length, duplicate: created.some((c) => c.duplicate) },
        });
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <PageTitle>{t('schooling:register.caseworkerTitle')}</PageTitle>
      <p className="kern-body app-intro">{t('schooling:register.caseworkerIntro')}</p>
      {saved ? (
        <Alert
          variant="info"
          role="status"
          title={t('schooling:register.partlySaved', { count: saved.ids.length })}
        />
      ) : null}
      {city.isPending ? <Loading /> : null}
      <RegistrationForm
        mode="caseworker"
        ortsteile={ortsteile}
        schools={schools}
        pending={pending}
        error={error}
        onSubmit={(input) => {
          submit(input).catch(() => undefined);
        }}
      />
    </>
  );
}
