import { useParams, useSearchParams } from 'react-router-dom';
import { Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { LoadError } from '../../../../components/LoadError';
import { NotFoundPage } from '../../../exception';
import { parseRouteId } from '../../../../utils/url-query';
import { catalogKeys, fetchProduct } from '../../service';
import { ProductForm } from './ProductForm';

/** /catalog/products/new(?kind=bundle) and /catalog/products/:id. */
export default function ProductEditPage() {
  const { id: rawId } = useParams();
  const [params] = useSearchParams();
  const isNew = rawId === 'new';
  const id = isNew ? null : parseRouteId(rawId);
  const product = useQuery({
    queryKey: catalogKeys.product(id ?? 0),
    queryFn: () => fetchProduct(id!),
    enabled: id !== null,
  });
  if (isNew)
    return (
      <ProductForm key="new" product={null} kind={params.get('kind') === 'bundle' ? 'bundle' : 'standard'} />
    );
  if (id === null) return <NotFoundPage />;
  if (product.isError) return <LoadError error={product.error} onRetry={() => void product.refetch()} />;
  if (!product.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  // Keyed by id: another product gets fresh form state; a status change or save keeps what is typed.
  return <ProductForm key={`${product.data.id}`} product={product.data} kind={product.data.kind} />;
}
