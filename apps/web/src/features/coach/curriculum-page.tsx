import { useQuery } from '@apollo/client/react';
import { Accordion, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PageHeader } from '../../ui/page';
import { QueryState } from '../../ui/states';
import { humanize } from '../../ui/status';
import { COACH_CURRICULUM } from './operations';
import { TemplatePreview } from './template-preview';
import { weeksLabel } from './weeks';

const KIND_COLOR: Record<string, string> = { SOMATIC: 'teal', BREATHWORK: 'blue', THOUGHT_WORK: 'violet', RELATIONAL: 'grape' };

export function CurriculumPage() {
  const { data, loading, error } = useQuery(COACH_CURRICULUM);
  const modules = data?.curriculum ?? [];
  const totalWeeks = modules.reduce((n, m) => Math.max(n, ...m.weeks), 0);

  return (
    <>
      <PageHeader title="Curriculum" description={totalWeeks ? `The ${totalWeeks}-week program, module by module: what each one is about, its practices and the homework you can assign.` : undefined} />
      <QueryState loading={loading && !data} error={error} empty={modules.length === 0} emptyTitle="No curriculum yet">
        <Accordion variant="separated" multiple chevronPosition="right">
          {modules.map((m) => (
            <Accordion.Item key={m.key} value={m.key}>
              <Accordion.Control>
                <Group gap="sm" wrap="wrap">
                  <Badge variant="light" style={{ textTransform: 'none' }}>
                    {weeksLabel(m.weeks)}
                  </Badge>
                  <Text fw={600} component="span">
                    {m.title}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="md">
                  <Text size="sm">{m.summary}</Text>
                  <section>
                    <Title order={2} size="h5" mb="xs">
                      Practices
                    </Title>
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                      {m.practiceDetails.map((p) => (
                        <Card key={p.title} padding="sm">
                          <Group gap="xs" mb={4} wrap="wrap">
                            <Text fw={600} size="sm">
                              {p.title}
                            </Text>
                            <Badge size="xs" variant="light" color={KIND_COLOR[p.kind] ?? 'gray'}>
                              {humanize(p.kind)}
                            </Badge>
                          </Group>
                          <Text size="sm" c="dimmed">
                            {p.description}
                          </Text>
                        </Card>
                      ))}
                    </SimpleGrid>
                  </section>
                  <section>
                    <Title order={2} size="h5" mb="xs">
                      Homework templates
                    </Title>
                    {m.homeworkTemplates.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        No homework template for this module.
                      </Text>
                    ) : (
                      <Stack gap="sm">
                        {m.homeworkTemplates.map((t) => (
                          <Card key={t.key} padding="md" bg="var(--anchored-muted-surface)">
                            <Title order={3} size="h6" mb="xs">
                              {t.title}
                            </Title>
                            <TemplatePreview instructions={t.instructions} fields={t.fields} />
                          </Card>
                        ))}
                      </Stack>
                    )}
                  </section>
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </QueryState>
    </>
  );
}
