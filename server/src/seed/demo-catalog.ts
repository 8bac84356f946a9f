import type { SpecDimension, SupplierInput } from '@linli/shared-types';

/** The demo operator's catalog: two-level categories, three suppliers, fresh produce and one bundle. */

export const DEMO_CATEGORIES: Array<{ name: string; children: string[] }> = [
  { name: '水果', children: ['热带水果', '时令鲜果'] },
  { name: '蔬菜', children: [] },
  { name: '肉禽蛋', children: [] },
  { name: '粮油', children: [] },
];

export const DEMO_SUPPLIERS: Array<SupplierInput & { key: string }> = [
  {
    key: 'orchard',
    name: '海南万宁鲜果合作社',
    contactName: '符海明',
    contactPhone: '13876051234',
    address: '海南省万宁市礼纪镇果园路 8 号',
    settlement: 'weekly',
    settlementNote: '每周一对账，周三前打款',
  },
  {
    key: 'farm',
    name: '萧山绿野蔬菜基地',
    contactName: '沈建华',
    contactPhone: '13705712345',
    address: '浙江省杭州市萧山区瓜沥镇绿野村',
    settlement: 'cash_on_delivery',
    settlementNote: null,
  },
  {
    key: 'mountain',
    name: '临安山里人家农产品公司',
    contactName: '俞秀英',
    contactPhone: '13958023456',
    address: '浙江省杭州市临安区天目山镇',
    settlement: 'monthly',
    settlementNote: '月结 30 天，开具增值税普通发票',
  },
];

export interface DemoSku {
  specValues: string[];
  price: number;
  cost: number;
  stock: number;
  lowStockThreshold: number;
  weightGrams?: number;
  /** Campaign group price (fen) and per-member limit (0 = none); absent = not in the demo campaign. */
  groupPrice?: number;
  perMemberLimit?: number;
}

export interface DemoProduct {
  key: string;
  name: string;
  subtitle: string;
  description: string;
  /** Category name (a child category when it has one). */
  category: string;
  supplier: string;
  unit: string;
  /** File under server/assets/demo/. */
  image: string;
  specDimensions: SpecDimension[];
  skus: DemoSku[];
  /** For the bundle: component product key + its spec values + units per bundle. */
  components?: Array<{ product: string; specValues: string[]; quantity: number }>;
}

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    key: 'pineapple',
    name: '海南金钻凤梨',
    subtitle: '免削皮，果肉金黄，香甜多汁',
    description: '海南万宁产地直发，免削皮，果肉金黄，香甜多汁。',
    category: '热带水果',
    supplier: 'orchard',
    unit: '份',
    image: 'pineapple.jpg',
    specDimensions: [{ name: '规格', values: ['单果约 2.5 斤', '两果装约 5 斤'] }],
    skus: [
      {
        specValues: ['单果约 2.5 斤'],
        price: 2990,
        cost: 1800,
        stock: 200,
        lowStockThreshold: 20,
        weightGrams: 1250,
        groupPrice: 1990,
        perMemberLimit: 3,
      },
      {
        specValues: ['两果装约 5 斤'],
        price: 5290,
        cost: 3300,
        stock: 120,
        lowStockThreshold: 10,
        weightGrams: 2500,
        groupPrice: 3690,
        perMemberLimit: 2,
      },
    ],
  },
  {
    key: 'lychee',
    name: '妃子笑荔枝',
    subtitle: '海南、广西两大产区，当天采摘冷链直发',
    description: '妃子笑果皮青红、果肉晶莹，清甜不腻。海南早熟，广西果大，按产地和规格任选。',
    category: '热带水果',
    supplier: 'orchard',
    unit: '箱',
    image: 'lychee.jpg',
    specDimensions: [
      { name: '规格', values: ['5斤装', '10斤装'] },
      { name: '产地', values: ['海南', '广西'] },
    ],
    skus: [
      {
        specValues: ['5斤装', '海南'],
        price: 6990,
        cost: 4500,
        stock: 60,
        lowStockThreshold: 10,
        weightGrams: 2500,
        groupPrice: 4990,
        perMemberLimit: 2,
      },
      {
        specValues: ['5斤装', '广西'],
        price: 5990,
        cost: 3800,
        stock: 80,
        lowStockThreshold: 10,
        weightGrams: 2500,
        groupPrice: 4590,
        perMemberLimit: 2,
      },
      {
        specValues: ['10斤装', '海南'],
        price: 12990,
        cost: 8600,
        stock: 30,
        lowStockThreshold: 5,
        weightGrams: 5000,
        groupPrice: 9590,
        perMemberLimit: 1,
      },
      {
        specValues: ['10斤装', '广西'],
        price: 10990,
        cost: 7200,
        stock: 8,
        lowStockThreshold: 10,
        weightGrams: 5000,
        groupPrice: 8590,
        perMemberLimit: 1,
      },
    ],
  },
  {
    key: 'tomato',
    name: '千禧小番茄',
    subtitle: '皮薄汁多，酸甜适口',
    description: '山东寿光大棚种植，皮薄汁多，酸甜适口，老人小孩都爱吃。',
    category: '时令鲜果',
    supplier: 'farm',
    unit: '份',
    image: 'tomato.jpg',
    specDimensions: [{ name: '规格', values: ['3 斤装', '5 斤装'] }],
    skus: [
      {
        specValues: ['3 斤装'],
        price: 1990,
        cost: 1100,
        stock: 300,
        lowStockThreshold: 30,
        weightGrams: 1500,
        groupPrice: 1290,
        perMemberLimit: 0,
      },
      {
        specValues: ['5 斤装'],
        price: 2990,
        cost: 1750,
        stock: 150,
        lowStockThreshold: 15,
        weightGrams: 2500,
        groupPrice: 1990,
        perMemberLimit: 0,
      },
    ],
  },
  {
    key: 'eggs',
    name: '农家散养土鸡蛋',
    subtitle: '山里散养，每天现捡',
    description: '临安山区散养，每天现捡，蛋黄饱满，破损包赔。',
    category: '肉禽蛋',
    supplier: 'mountain',
    unit: '盒',
    image: 'eggs.jpg',
    specDimensions: [{ name: '规格', values: ['30 枚装', '15 枚装'] }],
    skus: [
      {
        specValues: ['30 枚装'],
        price: 3690,
        cost: 2400,
        stock: 100,
        lowStockThreshold: 10,
        weightGrams: 1600,
        groupPrice: 2880,
        perMemberLimit: 2,
      },
      {
        specValues: ['15 枚装'],
        price: 1990,
        cost: 1250,
        stock: 150,
        lowStockThreshold: 15,
        weightGrams: 800,
      },
    ],
  },
  {
    key: 'apple',
    name: '烟台红富士苹果',
    subtitle: '果径 75mm 以上，脆甜爽口',
    description: '山东烟台栖霞果园，果径 75mm 以上，脆甜爽口。',
    category: '时令鲜果',
    supplier: 'orchard',
    unit: '箱',
    image: 'apple.jpg',
    specDimensions: [{ name: '规格', values: ['5 斤装'] }],
    skus: [
      {
        specValues: ['5 斤装'],
        price: 3490,
        cost: 2100,
        stock: 180,
        lowStockThreshold: 20,
        weightGrams: 2500,
        groupPrice: 2590,
        perMemberLimit: 0,
      },
    ],
  },
  {
    key: 'greens',
    name: '本地小青菜',
    subtitle: '凌晨采摘，当天到自提点',
    description: '萧山基地凌晨采摘，当天到自提点，新鲜脆嫩。每份约 500g。',
    category: '蔬菜',
    supplier: 'farm',
    unit: '份',
    image: 'greens.jpg',
    specDimensions: [{ name: '规格', values: ['500g'] }],
    skus: [
      {
        specValues: ['500g'],
        price: 390,
        cost: 200,
        stock: 400,
        lowStockThreshold: 50,
        weightGrams: 500,
        groupPrice: 290,
        perMemberLimit: 5,
      },
    ],
  },
  {
    key: 'orange',
    name: '赣南脐橙',
    subtitle: '果大皮薄，下周上新',
    description: '江西赣州产区，果大皮薄，爆汁香甜。',
    category: '时令鲜果',
    supplier: 'orchard',
    unit: '箱',
    image: 'orange.jpg',
    specDimensions: [{ name: '规格', values: ['10 斤装'] }],
    skus: [
      {
        specValues: ['10 斤装'],
        price: 4990,
        cost: 3200,
        stock: 80,
        lowStockThreshold: 10,
        weightGrams: 5000,
      },
    ],
  },
  {
    key: 'rice',
    name: '五常稻花香大米',
    subtitle: '当季新米，软糯清香',
    description: '黑龙江五常核心产区稻花香 2 号，当季新米，真空包装。',
    category: '粮油',
    supplier: 'mountain',
    unit: '袋',
    image: 'rice.jpg',
    specDimensions: [{ name: '规格', values: ['5kg', '10kg'] }],
    skus: [
      {
        specValues: ['5kg'],
        price: 6990,
        cost: 4800,
        stock: 90,
        lowStockThreshold: 10,
        weightGrams: 5000,
        groupPrice: 5990,
        perMemberLimit: 0,
      },
      { specValues: ['10kg'], price: 12990, cost: 9200, stock: 40, lowStockThreshold: 5, weightGrams: 10000 },
    ],
  },
  {
    key: 'breakfast',
    name: '元气早餐组合',
    subtitle: '土鸡蛋 15 枚 + 千禧小番茄 3 斤，一起买更划算',
    description: '一盒临安散养土鸡蛋（15 枚）配一份千禧小番茄（3 斤），早餐一周不用愁。',
    category: '肉禽蛋',
    supplier: 'mountain',
    unit: '份',
    image: 'breakfast.jpg',
    specDimensions: [],
    skus: [
      {
        specValues: [],
        price: 3690,
        cost: 2350,
        stock: 0,
        lowStockThreshold: 0,
        groupPrice: 2990,
        perMemberLimit: 2,
      },
    ],
    components: [
      { product: 'eggs', specValues: ['15 枚装'], quantity: 1 },
      { product: 'tomato', specValues: ['3 斤装'], quantity: 1 },
    ],
  },
];
