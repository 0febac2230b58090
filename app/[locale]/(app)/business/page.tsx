import { ComingSoon } from "../../../_components/coming-soon";

export default function BusinessPage({ params }: { params: Promise<{ locale: string }> }) {
  return <ComingSoon params={params} section="nav.business" />;
}
