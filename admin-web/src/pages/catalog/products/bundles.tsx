import { ProductListPage } from './index';

export default function BundlesPage() {
  return <ProductListPage fixedKind="bundle" />;
}
