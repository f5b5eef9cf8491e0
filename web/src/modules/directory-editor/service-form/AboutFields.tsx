import { useTranslation } from 'react-i18next';
import { CheckGroup, Checkboxes, Select, TextArea, TextInput } from '../../../components/Fields';
import { CATEGORIES, TARGET_GROUPS } from '../editor.api';
import { COMMON_SPOKEN, inputIdOf } from '../form';
import { CATEGORY_LABEL, TARGET_GROUP_LABEL, useNames } from '../labels';
import { type PartProps, withText } from './parts';

type AboutKeys = 'organisationId' | 'texts' | 'categories' | 'targetGroups' | 'spoken' | 'otherSpoken';

/** Whose offer it is, its German name and description, categories, target groups and spoken languages. */
export function AboutFields({
  value,
  onChange,
  errorAt,
  organisations,
}: PartProps<AboutKeys> & {
  /** Coordinators choose the organisation; editors write for their own. */
  organisations: { id: string; name: string }[] | null;
}) {
  const { t } = useTranslation();
  const names = useNames();
  return (
    <fieldset className="kern-fieldset app-editor__group">
      <legend className="kern-heading-small">{t('directory-editor:form.about')}</legend>
      {organisations ? (
        <Select
          id={inputIdOf('organisationId')}
          label={t('directory-editor:fields.organisation')}
          placeholder={t('directory-editor:fields.organisationChoose')}
          options={organisations.map((organisation) => ({
            value: organisation.id,
            label: organisation.name,
          }))}
          value={value.organisationId}
          onValueChange={(organisationId) => onChange({ organisationId })}
          error={errorAt('organisationId')}
        />
      ) : null}
      <TextInput
        id={inputIdOf('texts.name.de')}
        label={t('directory-editor:fields.name')}
        hint={t('directory-editor:fields.nameHint')}
        lang="de"
        dir="auto"
        maxLength={200}
        value={value.texts.name.de ?? ''}
        onValueChange={(text) => onChange({ texts: withText(value.texts, 'name', 'de', text) })}
        error={errorAt('texts.name.de') ?? errorAt('texts.name')}
      />
      <TextArea
        id={inputIdOf('texts.description.de')}
        label={t('directory-editor:fields.description')}
        hint={t('directory-editor:fields.descriptionHint')}
        lang="de"
        dir="auto"
        rows={6}
        maxLength={5000}
        value={value.texts.description.de ?? ''}
        onValueChange={(text) => onChange({ texts: withText(value.texts, 'description', 'de', text) })}
        error={errorAt('texts.description.de') ?? errorAt('texts.description')}
      />
      <CheckGroup
        id={inputIdOf('categories')}
        legend={t('directory-editor:fields.categories')}
        hint={t('directory-editor:fields.categoriesHint')}
        error={errorAt('categories')}
      >
        <Checkboxes
          idPrefix="svc-category"
          options={CATEGORIES}
          labelOf={(category) => t(CATEGORY_LABEL[category])}
          selected={value.categories}
          onChange={(categories) => onChange({ categories })}
        />
      </CheckGroup>
      <CheckGroup
        id={inputIdOf('targetGroups')}
        legend={t('directory-editor:fields.targetGroups')}
        hint={t('directory-editor:fields.targetGroupsHint')}
        error={errorAt('targetGroups')}
      >
        <Checkboxes
          idPrefix="svc-target"
          options={TARGET_GROUPS}
          labelOf={(group) => t(TARGET_GROUP_LABEL[group])}
          selected={value.targetGroups}
          onChange={(targetGroups) => onChange({ targetGroups })}
        />
      </CheckGroup>
      <CheckGroup
        id={inputIdOf('languages')}
        legend={t('directory-editor:fields.languages')}
        hint={t('directory-editor:fields.languagesHint')}
        error={errorAt('languages')}
      >
        <div className="app-editor__checks">
          <Checkboxes
            idPrefix="svc-spoken"
            options={COMMON_SPOKEN}
            labelOf={(code) => names.languageName(code)}
            selected={value.spoken}
            onChange={(spoken) => onChange({ spoken })}
          />
        </div>
        <TextInput
          id="svc-languages-other"
          label={t('directory-editor:fields.languagesOther')}
          hint={t('directory-editor:fields.languagesOtherHint')}
          optional
          autoComplete="off"
          value={value.otherSpoken}
          onValueChange={(otherSpoken) => onChange({ otherSpoken })}
        />
      </CheckGroup>
    </fieldset>
  );
}
