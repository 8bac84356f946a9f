// The status lives in the shared contract; re-exported so module code keeps one import path.
export { ProductStatus } from '@linli/shared-types';
