import { CURRICULUM, PROGRAM_WEEKS } from './program';
import { MODULES_WITHOUT_PROMPTS, WEEKLY_PROMPTS, weeklyPromptFor } from './prompts';

describe('weekly prompts', () => {
  it('has a prompt for every module of the curriculum, and none for modules that do not exist', () => {
    expect(MODULES_WITHOUT_PROMPTS()).toEqual([]);
    expect(Object.keys(WEEKLY_PROMPTS).sort()).toEqual(CURRICULUM.map((m) => m.key).sort());
  });

  it('gives every program week the prompt of the module taught that week, in turn within a module', () => {
    for (let week = 1; week <= PROGRAM_WEEKS; week++) {
      const prompt = weeklyPromptFor(week);
      const module = CURRICULUM.find((m) => m.weeks.includes(week));
      expect(prompt.moduleKey).toBe(module?.key);
      expect(prompt.text.length).toBeGreaterThan(20);
      expect(prompt.text.length).toBeLessThanOrEqual(4000);
    }
    expect(weeklyPromptFor(8).text).not.toBe(weeklyPromptFor(9).text);
    expect(weeklyPromptFor(5).text).toBe(WEEKLY_PROMPTS['where-am-i-located'][0]);
  });

  it('keeps the last module’s prompts for programs longer than the curriculum', () => {
    expect(weeklyPromptFor(30).moduleKey).toBe('integration-and-graduation');
  });
});
