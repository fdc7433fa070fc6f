import { useMutation } from '@apollo/client/react';
import { Button, Group, NativeSelect, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { humanFieldErrors } from '../../api/apollo-errors';
import { timezoneOptions } from '../../lib/time';
import { Dialog } from '../../ui/dialog';
import { notifySuccess } from '../../ui/notify';
import { ErrorState } from '../../ui/states';
import { ADMIN_UPDATE_COHORT } from './operations';

/** The API's limit on a cohort description. */
export const DESCRIPTION_MAX_LENGTH = 2000;

export interface EditableCohort {
  id: string;
  name: string;
  description?: string | null;
  capacity: number;
  timezone: string;
  status: string;
  enrolledCount: number;
}

/** Why the timezone cannot move, or null when it can (the API has the last word: sessions). */
export function timezoneLockReason(cohort: Pick<EditableCohort, 'status'>): string | null {
  return cohort.status === 'DRAFT' || cohort.status === 'ENROLLING' ? null : 'The timezone is fixed once the program has started.';
}

/** Name, description, capacity (never below the seats taken) and, before the start, timezone. */
export function EditCohortDialog({ cohort, opened, onClose }: { cohort: EditableCohort; opened: boolean; onClose: () => void }) {
  return (
    <Dialog opened={opened} onClose={onClose} title={`Edit ${cohort.name}`} size="lg">
      {opened && <EditCohortForm key={cohort.id} cohort={cohort} onDone={onClose} />}
    </Dialog>
  );
}

function EditCohortForm({ cohort, onDone }: { cohort: EditableCohort; onDone: () => void }) {
  const [form, setForm] = useState({ name: cohort.name, description: cohort.description ?? '', capacity: cohort.capacity, timezone: cohort.timezone });
  const [update, state] = useMutation(ADMIN_UPDATE_COHORT);
  const fields = humanFieldErrors(state.error, 'input.');
  const zones = useMemo(() => Array.from(new Set([cohort.timezone, ...timezoneOptions()])), [cohort.timezone]);
  const lock = timezoneLockReason(cohort);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      name: form.name.trim(),
      description: form.description.trim(),
      capacity: form.capacity,
      ...(lock || form.timezone === cohort.timezone ? {} : { timezone: form.timezone }),
    };
    const result = await update({ variables: { cohortId: cohort.id, input } }).catch(() => null);
    if (result?.data) {
      notifySuccess(`${result.data.updateCohort.name} saved.`);
      onDone();
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Name" required value={form.name} error={fields['name']} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
        <Textarea
          label="Description"
          description={`Shown to visitors and applicants while the cohort takes applications. ${form.description.length} of ${DESCRIPTION_MAX_LENGTH} characters.`}
          autosize
          minRows={3}
          maxLength={DESCRIPTION_MAX_LENGTH}
          value={form.description}
          error={fields['description']}
          onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
        />
        <NumberInput
          label="Capacity"
          description={`${cohort.enrolledCount} ${cohort.enrolledCount === 1 ? 'seat is' : 'seats are'} taken: the capacity cannot go below that.`}
          min={Math.max(cohort.enrolledCount, 1)}
          max={500}
          allowDecimal={false}
          value={form.capacity}
          error={fields['capacity']}
          onChange={(v) => setForm({ ...form, capacity: typeof v === 'number' ? v : Number(v) || 0 })}
        />
        <NativeSelect
          label="Timezone"
          description={lock ?? 'Sessions are planned in this timezone; it can change only before any is scheduled.'}
          data={zones}
          value={form.timezone}
          disabled={lock !== null}
          error={fields['timezone']}
          onChange={(e) => setForm({ ...form, timezone: e.currentTarget.value })}
        />
        {state.error && !Object.keys(fields).length && <ErrorState error={state.error} title="The cohort was not saved" />}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={state.loading}>
            Save changes
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Raising the capacity does not seat anyone by itself: seat people from the waitlist below.
        </Text>
      </Stack>
    </form>
  );
}
