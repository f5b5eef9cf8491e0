import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { Onboarding } from './Onboarding';
import { useOwnProfile } from './guides.api';
import { ProfileForm } from './profile-form/ProfileForm';

/** The guide keeps languages, topics, districts and availability current. Made for a phone. */
export function ProfilePage() {
  const { t } = useTranslation();
  const profile = useOwnProfile();
  return (
    <>
      <PageTitle>{t('guides:profile.title')}</PageTitle>
      <p className="kern-body app-intro">{t('guides:profile.intro')}</p>
      <ErrorAlert error={profile.error} focus={false} />
      {profile.isPending ? <Loading /> : null}
      {profile.data ? (
        <>
          <ProfileForm profile={profile.data} />
          <Onboarding items={profile.data.onboarding} />
        </>
      ) : null}
    </>
  );
}
