/** A small repository exercising every language feature, shared by the LSP tests. */
export const PEOPLE = `p.one:
  name: Person One
  role: Welder
p.two:
  name: Person Two
  role: Inspector
  leaves: 2027-01-31
p.old:
  name: Old Timer
  role: Retired foreman
  active: false
`;

export const A = `---
id: SOP-A-001
title: Source procedure
access: internal
owner: p.one
expert: p.two
reviewed: 2026-10-01
version: 2
iso9001: [8.5.1]
---

# Source procedure

## Steps

1. Clean the joint.
2. Tack the frame.

## Safety

Back to [the list](b.md).
`;

export const A_JA = `---
id: SOP-A-001
title: 元の手順
lang: ja
translated-from-version: 2
access: internal
owner: p.one
expert: p.two
reviewed: 2026-10-01
---

# 元の手順

## 手順

1. 清掃する。
2. 仮付けする。

## 安全
`;

export const B = `---
id: SOP-B-001
title: Linking procedure
access: internal
owner: p.two
expert: p.one
reviewed: 2026-10-01
related: [SOP-A-001]
---

# Linking procedure

See [the steps](a.md#steps), [[SOP-A-001]] and [[SOP-A-001#safety]].

![A picture](media/pic.png)
`;

export const FILES: Record<string, string> = {
  'densho.yaml': 'docs: ["**/*.md"]\nlanguages: [en, ja]\n',
  'people.yaml': PEOPLE,
  'a.md': A,
  'a.ja.md': A_JA,
  'b.md': B,
  'media/pic.png': 'not really a picture',
};
