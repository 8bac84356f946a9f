import { campaignPageUrl, linkQuery, productPageUrl } from './campaign-links';

describe('campaign links', () => {
  it('carry the share link leader code on to the product page and back', () => {
    expect(productPageUrl(7, 12, 'AB3DEF7H')).toBe(
      '/pages/product/index?campaignId=7&productId=12&leaderCode=AB3DEF7H',
    );
    expect(campaignPageUrl(7, 'AB3DEF7H')).toBe('/pages/campaign/index?id=7&leaderCode=AB3DEF7H');
    expect(linkQuery('AB3DEF7H')).toEqual({ leaderCode: 'AB3DEF7H' });
  });

  it('stay plain without a code', () => {
    expect(productPageUrl(7, 12, null)).toBe('/pages/product/index?campaignId=7&productId=12');
    expect(campaignPageUrl(7)).toBe('/pages/campaign/index?id=7');
    expect(linkQuery(null)).toBeUndefined();
  });
});
