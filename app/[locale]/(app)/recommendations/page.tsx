import { ComingSoon } from "../../../_components/coming-soon";

export default function RecommendationsPage({ params }: { params: Promise<{ locale: string }> }) {
  return <ComingSoon params={params} section="nav.recommendations" />;
}
