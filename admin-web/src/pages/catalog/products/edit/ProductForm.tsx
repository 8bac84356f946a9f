import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Col, Flex, Form, Input, Row, Space, Tag } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  PRODUCT_KIND_LABELS,
  type BundleComponentView,
  type ProductDetail,
  type ProductImageView,
  type ProductInput,
  type ProductKind,
  type SpecDimension,
} from '@linli/shared-types';
import { ImageListUpload } from '../../../../components/ImageListUpload';
import { PageHeader } from '../../../../components/PageHeader';
import { isApiError } from '../../../../api';
import { useApiFeedback } from '../../../../components/useApiFeedback';
import { CategorySelect } from '../../components/CategorySelect';
import { ProductStatusTag } from '../../components/ProductBits';
import { SupplierSelect } from '../../components/SupplierSelect';
import { catalogKeys, createProduct, updateProduct } from '../../service';
import {
  buildMatrix,
  dimensionProblems,
  emptyRow,
  rowProblems,
  rowsFromSkus,
  toSkuInputs,
  type SkuRow,
} from '../sku-matrix';
import { BundleComponents } from './BundleComponents';
import { ProductStatusButtons } from './ProductStatusButtons';
import { SkuMatrixTable } from './SkuMatrixTable';
import { SpecEditor } from './SpecEditor';

interface BasicValues {
  name: string;
  subtitle?: string;
  categoryId?: number;
  supplierId?: number;
  unit: string;
  description?: string;
  images: ProductImageView[];
}

const FORM_FIELDS = ['name', 'subtitle', 'categoryId', 'supplierId', 'unit', 'description', 'images'];
const CODE_TO_FIELD = { PRODUCT_IMAGE_REQUIRED: 'images', SUPPLIER_DISABLED: 'supplierId' };

/** Create (product = null) or edit a product: basic info, images, spec dimensions → SKU matrix, or a bundle. */
export function ProductForm({ product, kind }: { product: ProductDetail | null; kind: ProductKind }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message, showFormError } = useApiFeedback();
  const [form] = Form.useForm<BasicValues>();
  const isBundle = kind === 'bundle';
  const [dimensions, setDimensionsState] = useState<SpecDimension[]>(product?.specDimensions ?? []);
  const [rows, setRows] = useState<SkuRow[]>(() => (product ? rowsFromSkus(product.skus) : [emptyRow([])]));
  const [components, setComponents] = useState<BundleComponentView[]>(product?.components ?? []);
  const [problems, setProblems] = useState<string[]>([]);

  const setDimensions = (next: SpecDimension[]) => {
    // Values are only complete once named; blank names still generate rows so typing feels live.
    setRows(buildMatrix(dimensions, rows, next));
    setDimensionsState(next);
    setProblems([]);
  };

  const save = useMutation({
    mutationFn: (input: ProductInput) => (product ? updateProduct(product.id, input) : createProduct(input)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
      queryClient.setQueryData(catalogKeys.product(saved.id), saved);
      if (product) {
        void message.success(`已保存「${saved.name}」`);
        setRows(rowsFromSkus(saved.skus));
        setComponents(saved.components);
      } else {
        void message.success(`已创建「${saved.name}」，上架后即可加入团购活动`);
        navigate(`/catalog/products/${saved.id}`, { replace: true });
      }
    },
    onError: (error) => {
      // Dropped spec values whose SKUs still hold stock, reservations or bundles: list each one.
      if (isApiError(error) && error.body.code === 'SKU_STILL_IN_USE') {
        setProblems((error.body.fields ?? []).flatMap((f) => f.errors));
        void message.error(error.body.message);
        return;
      }
      showFormError(form, error, FORM_FIELDS, CODE_TO_FIELD);
    },
  });

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    const found = [
      ...(isBundle ? [] : dimensionProblems(dimensions)),
      ...(rows.length === 0 ? ['规格表为空：请为每个规格维度添加规格值'] : rowProblems(rows)),
      ...(isBundle && components.reduce((n, c) => n + c.quantity, 0) < 2
        ? ['组合套餐至少需要 2 件组成商品']
        : []),
    ];
    setProblems(found);
    if (!values || found.length > 0) return;
    save.mutate({
      kind,
      name: values.name.trim(),
      subtitle: values.subtitle?.trim() || null,
      description: values.description?.trim() || null,
      categoryId: values.categoryId ?? null,
      supplierId: values.supplierId ?? null,
      unit: values.unit.trim(),
      imageKeys: values.images.map((i) => i.key),
      specDimensions: isBundle ? [] : dimensions.map((d) => ({ name: d.name.trim(), values: d.values })),
      skus: toSkuInputs(rows),
      ...(isBundle ? { components: components.map((c) => ({ skuId: c.skuId, quantity: c.quantity })) } : {}),
    });
  };

  const title = product ? `编辑${PRODUCT_KIND_LABELS[kind]}` : `新建${PRODUCT_KIND_LABELS[kind]}`;

  return (
    <>
      <PageHeader
        title={product ? `${title} · ${product.name}` : title}
        description={
          product ? (
            <Space size={8}>
              <ProductStatusTag status={product.status} />
              {isBundle && (
                <Tag color="purple" bordered={false}>
                  组合套餐
                </Tag>
              )}
              <span>价格与规格修改保存后立即生效；已有规格的库存请在「库存总览」里调整。</span>
            </Space>
          ) : isBundle ? (
            '组合套餐本身不存库存，售出时按数量扣减各组成商品的库存。'
          ) : (
            '填写基本信息、上传图片，按规格维度生成规格表后逐行填写价格与库存。保存后为草稿，上架后买家可见。'
          )
        }
        extra={
          <Space>
            {product && <ProductStatusButtons product={product} />}
            <Button onClick={() => navigate(isBundle ? '/catalog/bundles' : '/catalog/products')}>
              返回列表
            </Button>
            <Button
              type="primary"
              loading={save.isPending}
              onClick={() => void submit()}
              data-testid="product-save"
            >
              保存
            </Button>
          </Space>
        }
      />
      <Form<BasicValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{
          name: product?.name,
          subtitle: product?.subtitle ?? undefined,
          categoryId: product?.categoryId ?? undefined,
          supplierId: product?.supplierId ?? undefined,
          unit: product?.unit ?? (isBundle ? '套' : '份'),
          description: product?.description ?? undefined,
          images: product?.images ?? [],
        }}
      >
        <Card variant="borderless" title="基本信息" style={{ marginBottom: 16 }}>
          <Row gutter={24}>
            <Col span={12}>
              <Form.Item
                name="name"
                label="商品名称"
                rules={[
                  { required: true, whitespace: true, message: '请输入商品名称' },
                  { max: 60, message: '最长 60 个字' },
                ]}
              >
                <Input maxLength={60} showCount placeholder="如：海南贵妃芒" data-testid="product-name" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="subtitle" label="卖点" rules={[{ max: 60, message: '最长 60 个字' }]}>
                <Input
                  maxLength={60}
                  placeholder="一句话卖点，显示在名称下方"
                  data-testid="product-subtitle"
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="categoryId" label="分类">
                <CategorySelect data-testid="product-category" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="supplierId" label="供应商">
                <SupplierSelect activeOnly data-testid="product-supplier" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="unit"
                label="销售单位"
                tooltip="显示在价格后，如 ¥29.90/箱"
                rules={[{ required: true, whitespace: true, message: '请输入销售单位' }]}
              >
                <Input maxLength={8} placeholder="份 / 箱 / 斤" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="images"
                label="商品图片"
                extra="第一张为封面，可用箭头调整顺序；上架需要至少一张图片"
              >
                <ImageListUpload max={9} data-testid="product-images" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="description" label="商品描述" style={{ marginBottom: 0 }}>
                <Input.TextArea rows={3} maxLength={2000} showCount placeholder="产地、口感、储存方式等" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
      </Form>
      {isBundle ? (
        <>
          <Card variant="borderless" title="组合内容" style={{ marginBottom: 16 }}>
            <BundleComponents components={components} onChange={setComponents} />
          </Card>
          <Card variant="borderless" title="套餐价格" style={{ marginBottom: 16 }}>
            <SkuMatrixTable rows={rows} onChange={setRows} dimensionNames={[]} bundle />
          </Card>
        </>
      ) : (
        <Card variant="borderless" title="规格与库存" style={{ marginBottom: 16 }}>
          <SpecEditor dimensions={dimensions} onChange={setDimensions} />
          <div style={{ marginTop: 16 }}>
            <SkuMatrixTable rows={rows} onChange={setRows} dimensionNames={dimensions.map((d) => d.name)} />
          </div>
        </Card>
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          message="请先处理以下问题再保存"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
          data-testid="product-problems"
        />
      )}
      <Flex justify="flex-end">
        <Button type="primary" size="large" loading={save.isPending} onClick={() => void submit()}>
          保存{PRODUCT_KIND_LABELS[kind]}
        </Button>
      </Flex>
    </>
  );
}
