import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { humanError, humanFieldErrors } from '../../api/apollo-errors';
import { graphql } from '../../gql';
import type { CoachMyTemplatesQuery, HomeworkFieldKind, HomeworkUploadKind } from '../../gql/graphql';
import { PageHeader } from '../../ui/page';
import { QueryState } from '../../ui/states';
import { notifySuccess } from '../../ui/notify';
import { FieldInput } from '../client/homework-page';
import type { Answer } from '../client/homework';

export const COACH_MY_TEMPLATES = graphql(`
  query CoachMyTemplates {
    myHomeworkTemplates {
      key
      title
      instructions
      version
      source
      fields {
        key
        label
        kind
        help
        options
        min
        max
        required
        uploadKind
      }
    }
  }
`);

const CREATE = graphql(`
  mutation CoachCreateTemplate($input: HomeworkTemplateInput!) {
    createHomeworkTemplate(input: $input) {
      key
      title
      version
    }
  }
`);

const UPDATE = graphql(`
  mutation CoachUpdateTemplate($key: String!, $input: HomeworkTemplateInput!) {
    updateHomeworkTemplate(key: $key, input: $input) {
      key
      title
      version
    }
  }
`);

type Template = CoachMyTemplatesQuery['myHomeworkTemplates'][number];

interface DraftField {
  key: string;
  label: string;
  kind: HomeworkFieldKind;
  required: boolean;
  help: string;
  options: string;
  min: number;
  max: number;
  uploadKind: HomeworkUploadKind;
}

interface Draft {
  key: string | null;
  title: string;
  instructions: string;
  fields: DraftField[];
}

const KINDS: { value: HomeworkFieldKind; label: string }[] = [
  { value: 'TEXT', label: 'Short answer' },
  { value: 'LONG_TEXT', label: 'Long answer' },
  { value: 'SCALE', label: 'Scale' },
  { value: 'CHOICE', label: 'One choice' },
  { value: 'CHECKLIST', label: 'Checklist' },
  { value: 'DATE', label: 'Date' },
  { value: 'UPLOAD', label: 'File or voice note' },
];

/** A key for a new question that no other question of the draft has (answers are stored under it). */
function freshKey(fields: readonly DraftField[]): string {
  let n = fields.length + 1;
  while (fields.some((f) => f.key === `question${n}`)) n += 1;
  return `question${n}`;
}

const newField = (fields: readonly DraftField[]): DraftField => ({ key: freshKey(fields), label: '', kind: 'TEXT', required: true, help: '', options: '', min: 1, max: 10, uploadKind: 'FILE' });

function toDraft(t: Template | null): Draft {
  if (!t) return { key: null, title: '', instructions: '', fields: [newField([])] };
  return {
    key: t.key,
    title: t.title,
    instructions: t.instructions,
    fields: t.fields.map((f) => ({
      key: f.key,
      label: f.label,
      kind: f.kind,
      required: f.required,
      help: f.help ?? '',
      options: (f.options ?? []).join('\n'),
      min: f.min ?? 1,
      max: f.max ?? 10,
      uploadKind: f.uploadKind ?? 'FILE',
    })),
  };
}

function toInput(d: Draft) {
  return {
    title: d.title,
    instructions: d.instructions,
    fields: d.fields.map((f) => ({
      key: f.key,
      label: f.label,
      kind: f.kind,
      required: f.required,
      help: f.help.trim() || null,
      ...(f.kind === 'SCALE' ? { min: f.min, max: f.max } : {}),
      ...(f.kind === 'CHOICE' || f.kind === 'CHECKLIST' ? { options: f.options.split('\n').map((o) => o.trim()).filter(Boolean) } : {}),
      ...(f.kind === 'UPLOAD' ? { uploadKind: f.uploadKind } : {}),
    })),
  };
}

/** The coach's own homework templates: a list, an editor, and a preview of the form as clients see it. */
export function TemplatesPage() {
  const { data, loading, error } = useQuery(COACH_MY_TEMPLATES);
  const [editing, setEditing] = useState<{ draft: Draft; n: number } | null>(null);
  const templates = data?.myHomeworkTemplates ?? [];
  const open = (t: Template | null) => setEditing((e) => ({ draft: toDraft(t), n: (e?.n ?? 0) + 1 }));

  return (
    <>
      <PageHeader
        title="My homework templates"
        description="Forms of your own, next to the curriculum’s. Assign them from any of your cohorts’ Homework tab. Editing saves a new version: homework already assigned keeps the version it was given."
        actions={<Button onClick={() => open(null)}>New template</Button>}
      />
      <Stack gap="xl">
        <QueryState loading={loading && !data} error={error} empty={templates.length === 0 && !editing} emptyTitle="No templates of your own yet">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {templates.map((t) => (
              <Card component="li" key={t.key} padding="md">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div>
                    <Text fw={600}>{t.title}</Text>
                    <Text size="sm" c="dimmed">
                      {t.fields.length} question{t.fields.length === 1 ? '' : 's'}
                    </Text>
                  </div>
                  <Badge variant="light" style={{ textTransform: 'none' }}>
                    Version {t.version}
                  </Badge>
                </Group>
                <Button mt="sm" size="xs" variant="default" onClick={() => open(t)} aria-label={`Edit ${t.title}`}>
                  Edit
                </Button>
              </Card>
            ))}
          </SimpleGrid>
        </QueryState>
        {editing && <TemplateEditor key={editing.n} initial={editing.draft} onDone={() => setEditing(null)} />}
      </Stack>
    </>
  );
}

function TemplateEditor({ initial, onDone }: { initial: Draft; onDone: () => void }) {
  const [draft, setDraft] = useState(initial);
  const refetchQueries = [{ query: COACH_MY_TEMPLATES }];
  const [create, createState] = useMutation(CREATE, { refetchQueries, awaitRefetchQueries: true });
  const [update, updateState] = useMutation(UPDATE, { refetchQueries, awaitRefetchQueries: true });
  const state = draft.key ? updateState : createState;
  const errors = humanFieldErrors(state.error, 'input.');

  const setField = (i: number, patch: Partial<DraftField>) => setDraft((d) => ({ ...d, fields: d.fields.map((f, j) => (j === i ? { ...f, ...patch } : f)) }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const input = toInput(draft);
    const result = draft.key
      ? await update({ variables: { key: draft.key, input } }).catch(() => null)
      : await create({ variables: { input } }).catch(() => null);
    const saved = result?.data && ('updateHomeworkTemplate' in result.data ? result.data.updateHomeworkTemplate : result.data.createHomeworkTemplate);
    if (saved) {
      notifySuccess(`“${saved.title}” is saved as version ${saved.version}.`);
      onDone();
    }
  };

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Card component="form" onSubmit={save} noValidate aria-labelledby="template-editor">
        <Title order={2} size="h3" id="template-editor" mb="md">
          {draft.key ? 'Edit template' : 'New template'}
        </Title>
        <Stack gap="sm">
          {state.error && !Object.keys(errors).length && (
            <Alert color="red" title="The template was not saved" role="alert">
              {humanError(state.error)}
            </Alert>
          )}
          <TextInput label="Title" required value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })} error={errors['title']} />
          <Textarea label="Instructions" autosize minRows={2} value={draft.instructions} onChange={(e) => setDraft({ ...draft, instructions: e.currentTarget.value })} error={errors['instructions']} />
          {errors['fields'] && (
            <Text size="sm" c="red.9" role="alert">
              {errors['fields']}
            </Text>
          )}
          {draft.fields.map((f, i) => (
            <Card key={f.key} withBorder padding="sm" component="fieldset" style={{ margin: 0 }}>
              <Text component="legend" fw={600} size="sm" px={4}>
                Question {i + 1}
              </Text>
              <Stack gap="xs">
                <TextInput label="Question" required value={f.label} onChange={(e) => setField(i, { label: e.currentTarget.value })} error={errors[`fields.${i}.label`] ?? errors[`fields.${i}.key`]} />
                <Group grow align="flex-start">
                  <Select label="Kind of answer" data={KINDS} value={f.kind} allowDeselect={false} onChange={(v) => v && setField(i, { kind: v as HomeworkFieldKind })} error={errors[`fields.${i}.kind`]} />
                  <Checkbox mt={30} label="Required" checked={f.required} onChange={(e) => setField(i, { required: e.currentTarget.checked })} />
                </Group>
                {f.kind === 'SCALE' && (
                  <Group grow align="flex-start">
                    <NumberInput label="From" value={f.min} allowDecimal={false} onChange={(v) => setField(i, { min: Number(v) })} error={errors[`fields.${i}.min`]} />
                    <NumberInput label="To" value={f.max} allowDecimal={false} onChange={(v) => setField(i, { max: Number(v) })} />
                  </Group>
                )}
                {(f.kind === 'CHOICE' || f.kind === 'CHECKLIST') && (
                  <Textarea label="Options" description="One per line" autosize minRows={2} value={f.options} onChange={(e) => setField(i, { options: e.currentTarget.value })} error={errors[`fields.${i}.options`]} />
                )}
                {f.kind === 'UPLOAD' && (
                  <Select
                    label="What clients attach"
                    data={[
                      { value: 'FILE', label: 'A document or picture (PDF, PNG, JPEG)' },
                      { value: 'VOICE_NOTE', label: 'A voice note' },
                    ]}
                    value={f.uploadKind}
                    allowDeselect={false}
                    onChange={(v) => v && setField(i, { uploadKind: v as HomeworkUploadKind })}
                  />
                )}
                <TextInput label="Hint" description="Optional, shown under the question" value={f.help} onChange={(e) => setField(i, { help: e.currentTarget.value })} error={errors[`fields.${i}.help`]} />
                {draft.fields.length > 1 && (
                  <Button size="xs" variant="subtle" color="red" onClick={() => setDraft((d) => ({ ...d, fields: d.fields.filter((_, j) => j !== i) }))} aria-label={`Remove question ${i + 1}`}>
                    Remove
                  </Button>
                )}
              </Stack>
            </Card>
          ))}
          <Group>
            <Button variant="default" onClick={() => setDraft((d) => ({ ...d, fields: [...d.fields, newField(d.fields)] }))}>
              Add question
            </Button>
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={state.loading}>
              {draft.key ? 'Save new version' : 'Save template'}
            </Button>
          </Group>
        </Stack>
      </Card>
      <TemplateClientPreview draft={draft} />
    </SimpleGrid>
  );
}

/** The form as a client will see it, built by the same component as the client's own page; nothing is sent. */
function TemplateClientPreview({ draft }: { draft: Draft }) {
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const fields = toInput(draft).fields;
  return (
    <Card component="section" aria-labelledby="template-preview">
      <Title order={2} size="h3" id="template-preview" mb={4}>
        Preview
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        What your clients will see. Try it out: nothing here is saved or sent.
      </Text>
      <Stack gap="md">
        <Title order={3} size="h4">
          {draft.title.trim() || 'Untitled template'}
        </Title>
        {draft.instructions.trim() && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {draft.instructions}
          </Text>
        )}
        {fields.map((f, i) => (
          <FieldInput
            key={f.key}
            field={{ ...f, key: `preview-${f.key}`, label: f.label.trim() || `Question ${i + 1}` }}
            value={answers[f.key] ?? (f.kind === 'CHECKLIST' ? [] : null)}
            onChange={(v) => setAnswers((a) => ({ ...a, [f.key]: v }))}
          />
        ))}
      </Stack>
    </Card>
  );
}
