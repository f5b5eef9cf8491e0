import { describe, expect, it } from 'vitest';
import { isPublicAddress } from './net-guard.ts';

describe('addresses a user-given link may reach', () => {
  it('refuses loopback, private, link-local, metadata, unique-local and IPv4 hidden in IPv6', () => {
    const inside = [
      '127.0.0.1',
      '127.8.9.10',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fd00:ec2::254',
      'fc00::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:a9fe:a9fe',
      '64:ff9b::10.0.0.1',
      'ff02::1',
      'not-an-address',
    ];
    expect(inside.filter(isPublicAddress)).toEqual([]);
  });

  it('lets public IPv4 and IPv6 addresses through', () => {
    const outside = ['8.8.8.8', '172.32.0.1', '192.169.0.1', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8'];
    expect(outside.filter((a) => !isPublicAddress(a))).toEqual([]);
  });
});
