/** Product status: 草稿 draft, 在售 on_sale, 已下架 off_sale. */
export const ProductStatus = { DRAFT: 'draft', ON_SALE: 'on_sale', OFF_SALE: 'off_sale' } as const;
export type ProductStatus = (typeof ProductStatus)[keyof typeof ProductStatus];
