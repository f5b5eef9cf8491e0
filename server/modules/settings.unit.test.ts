import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type City, loadCity } from '../core/city.ts';
import { ConfigError } from '../core/config.ts';
import { allModules } from './index.ts';

// Each module owns the schema of its section of the city profile; the app checks every section when it is built.

const duisburg = loadCity(path.resolve(import.meta.dirname, '../../cities/duisburg'));
const sections = allModules().flatMap((m) => (m.settings ? [m.settings] : []));
const withSection = (key: string, value: unknown): City => ({
  ...duisburg,
  profile: { ...duisburg.profile, [key]: value },
});
const check = (city: City) => {
  for (const section of sections) section.check(city);
};

describe("the modules' sections of the city profile", () => {
  it('are checked by their modules and accept the Duisburg profile', () => {
    expect(sections.map((s) => s.key).sort()).toEqual([
      'courses',
      'funding',
      'guides',
      'network',
      'schooling',
    ]);
    expect(() => check(duisburg)).not.toThrow();
  });

  it('stop the start with a message that names the wrong field', () => {
    const schooling = {
      ...(duisburg.profile.schooling as object),
      counsellingPlace: { address: '', ortsteilId: 'x' },
    };
    expect(() => check(withSection('schooling', schooling))).toThrow(ConfigError);
    expect(() => check(withSection('schooling', schooling))).toThrow(
      /^CITY profile: schooling\.counsellingPlace\.address /,
    );
    expect(() => check(withSection('guides', { speedKmh: -5 }))).toThrow(/^CITY profile: guides\.speedKmh /);
    const network = duisburg.profile.network as { centre: { rooms: object[] } };
    const noCapacity = {
      ...network,
      centre: { ...network.centre, rooms: [{ id: 'saal', name: 'Saal', equipment: [] }] },
    };
    expect(() => check(withSection('network', noCapacity))).toThrow(
      /^CITY profile: network\.centre\.rooms\.0\.capacity /,
    );
    expect(() => check(withSection('schooling', undefined))).toThrow(
      /^CITY profile: schooling\.anonymiseMonthsAfterFirstSchoolDay /,
    );
  });

  it('fill in defaults where a module has them', () => {
    const city = withSection('guides', undefined);
    const guides = sections.find((s) => s.key === 'guides');
    expect(guides?.of({ city })).toMatchObject({ speedKmh: 20, proposalDeadlineHours: 24 });
  });
});
