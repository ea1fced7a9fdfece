/**
 * SearchOrganizations finds units by the forms officers type: "tphcm", "thua thien hue", "UBND tỉnh
 * Nghệ An", "bo tu phap" — abbreviations, no diacritics, and the words that only name the kind of body.
 */
import { contractOperation } from '../support/operations';
import { dataOf, startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

async function codes(search: string, first = 50): Promise<string[]> {
  const { organizations } = dataOf(await stack.gql(contractOperation('SearchOrganizations'), { search, first }));
  return organizations.edges.map((edge: { node: { code: string } }) => edge.node.code);
}

describe('SearchOrganizations by the forms officers type', () => {
  it.each(['tphcm', 'TPHCM', 'TP HCM', 'TP.HCM', 'tp. hcm', 'HCM', 'Thành phố HCM', 'TP Hồ Chí Minh'])(
    'finds Thành phố Hồ Chí Minh from "%s", and not the Mausoleum that bears the name',
    async (search) => {
      const found = await codes(search);
      expect(found).toContain('HCM');
      expect(found).not.toContain('BQLLANG');
    },
  );

  // Nghị quyết 175/2024/QH15: Tỉnh Thừa Thiên Huế is Thành phố Huế from 2025-01-01; the register
  // holds the new name, officers still type the old one.
  it.each(['thua thien hue', 'Thừa Thiên Huế', 'TT Huế', 'thanh pho hue', 'TP Huế', 'Huế'])(
    'finds Huế from "%s"',
    async (search) => {
      expect(await codes(search)).toContain('HUE');
    },
  );

  it.each(['UBND tỉnh Nghệ An', 'ubnd tinh nghe an', 'Ủy ban nhân dân tỉnh Nghệ An', 'Uỷ ban nhân dân Nghệ An'])(
    'finds the province from its people’s committee: "%s"',
    async (search) => {
      expect(await codes(search)).toContain('NGHE_AN');
    },
  );

  it('finds a ministry by its title with or without "Bộ" and diacritics', async () => {
    expect(await codes('Bộ Tư pháp')).toContain('BTP');
    expect(await codes('bo tu phap')).toContain('BTP');
    expect(await codes('tu phap')).toContain('BTP');
  });

  it('keeps a kind word when it is all there is: "tỉnh" lists the provinces', async () => {
    const { organizations } = dataOf(
      await stack.gql(contractOperation('SearchOrganizations'), { search: 'tỉnh', first: 0 }),
    );
    expect(organizations.totalCount).toBeGreaterThan(20);
    const provinces = await codes('tinh', 100);
    expect(provinces).toContain('NGHE_AN');
    expect(provinces).not.toContain('HCM');
  });

  it('still narrows by every word typed: "ha noi" is Hà Nội alone', async () => {
    expect(await codes('ha noi')).toEqual(['HN']);
    expect(await codes('tp ha noi')).toEqual(['HN']);
  });

  it('costs the same two SQL statements as a plain search', async () => {
    const statements = async (search: string) => {
      const response = await stack.gql(
        contractOperation('SearchOrganizations'),
        { search, first: 10 },
        { headers: { 'x-tdkt-stats': '1' } },
      );
      dataOf(response);
      return response.body.extensions!['stats'].sqlStatements.organizations;
    };
    expect(await statements('UBND TP HCM')).toBe(await statements('ha noi'));
  });

  it('can use the trigram index for a condition with alternatives', async () => {
    // The condition the store writes for "tphcm": one LIKE per phrase, OR-ed (store/paging.ts searchAny).
    const plan = await stack.subgraphs.organizations.database.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off'); // the reference table is small enough to scan
      return manager.query(
        `EXPLAIN SELECT o.code FROM organizations.organization o
          WHERE (o.search_text LIKE $1 OR o.search_text LIKE $2 OR o.search_text LIKE $3)`,
        ['% thanh pho ho chi minh%', '% tp ho chi minh%', '% hcm%'],
      );
    });
    expect(JSON.stringify(plan)).toMatch(/organization_search_idx/);
  });
});
