import { LoadingSpinner } from "@/components/portail-client/LoadingSpinner";

export default function Loading() {
  return <LoadingSpinner fullPage />;
}
