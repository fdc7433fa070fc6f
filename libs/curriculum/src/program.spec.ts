import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CURRICULUM, PROGRAM_WEEKS, findModule, moduleForWeek, templatesForModule } from './program';
import { HOMEWORK_TEMPLATES, findTemplate } from './templates';

describe('the 26-week program', () => {
  it('covers every program week exactly once, in order, with consecutive weeks per module', () => {
    const weeks = CURRICULUM.flatMap((module) => module.weeks);
    expect(weeks).toEqual(Array.from({ length: PROGRAM_WEEKS }, (_, i) => i + 1));
    for (const module of CURRICULUM) {
      module.weeks.forEach((week, i) => i > 0 && expect(week).toBe(module.weeks[i - 1] + 1));
    }
  });

  it('covers the topics the program promises', () => {
    const keys = CURRICULUM.map((module) => module.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'codependence-to-interdependence',
        'emotional-outsourcing',
        'where-am-i-located',
        'healthy-separateness',
        'boundaries',
        'self-and-co-regulation',
        'soft-start-up',
        'dropping-operating-manuals',
        'direct-communication',
        'giving-from-overflow',
        'relationship-inventory',
        'integration-and-graduation',
      ]),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every module a summary, practices and homework that exist', () => {
    for (const module of CURRICULUM) {
      expect(module.title.length).toBeGreaterThan(5);
      expect(module.summary.length).toBeGreaterThan(80);
      expect(module.practices.length).toBeGreaterThanOrEqual(2);
      expect(templatesForModule(module).length).toBe(module.homeworkTemplateKeys.length);
    }
    const kinds = new Set(CURRICULUM.flatMap((module) => module.practices.map((p) => p.kind)));
    expect([...kinds].sort()).toEqual(['BREATHWORK', 'RELATIONAL', 'SOMATIC', 'THOUGHT_WORK']);
  });

  it('finds the module taught in a week and rejects weeks outside the program', () => {
    expect(moduleForWeek(1).key).toBe('codependence-to-interdependence');
    expect(moduleForWeek(5).key).toBe('where-am-i-located');
    expect(moduleForWeek(9).key).toBe('boundaries');
    expect(moduleForWeek(26).key).toBe('integration-and-graduation');
    for (const bad of [0, 27, -1, 2.5, Number.NaN]) expect(() => moduleForWeek(bad)).toThrow(RangeError);
  });

  it('looks modules and templates up by key', () => {
    expect(findModule('boundaries')?.weeks).toEqual([8, 9, 10]);
    expect(findModule('nope')).toBeUndefined();
    expect(findTemplate('soft-start-up')?.fields.map((f) => f.key)).toEqual([
      'situation',
      'feeling',
      'because',
      'selfCare',
      'request',
      'outcome',
    ]);
    expect(findTemplate('nope')).toBeUndefined();
  });

  it('uses every template somewhere in the program', () => {
    const used = new Set(CURRICULUM.flatMap((module) => module.homeworkTemplateKeys));
    expect(HOMEWORK_TEMPLATES.map((t) => t.key).filter((key) => !used.has(key))).toEqual([]);
  });
});

describe('homework templates', () => {
  it('have unique keys and well-formed, camelCase fields', () => {
    const keys = HOMEWORK_TEMPLATES.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const template of HOMEWORK_TEMPLATES) {
      expect(template.instructions.length).toBeGreaterThan(40);
      const fieldKeys = template.fields.map((f) => f.key);
      expect(new Set(fieldKeys).size).toBe(fieldKeys.length);
      expect(template.fields.some((f) => f.required)).toBe(true);
      for (const field of template.fields) {
        expect(field.key).toMatch(/^[a-z][a-zA-Z0-9]*$/);
        if (field.kind === 'SCALE') expect(field.min).toBeLessThan(field.max);
        if (field.kind === 'CHOICE' || field.kind === 'CHECKLIST') {
          expect(field.options.length).toBeGreaterThanOrEqual(2);
          expect(new Set(field.options).size).toBe(field.options.length);
        }
      }
    }
  });
});

describe('the library itself', () => {
  it('stays framework-free so the API and the worker can both use it', () => {
    const sources = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
    expect(sources.length).toBeGreaterThan(3);
    for (const file of sources) {
      const text = readFileSync(join(__dirname, file), 'utf8');
      expect(text).not.toMatch(/from '(@nestjs|typeorm|pg|bullmq|ioredis)/);
    }
  });
});
