// The cable as a telegram: the original text as archived, byte for byte, or the rendering of one released here.
import { useApi } from "../../../stores/use-api.ts";
import { Loading, Problem } from "../../../components/problem.tsx";

type Props = { id: string };

export function TelegramText({ id }: Props) {
  const text = useApi<string>(`/api/cables/${encodeURIComponent(id)}?format=telegram`);
  if (text.error) return <Problem error={text.error} />;
  if (text.data === undefined) return <Loading what="Loading the telegram text" />;
  return (
    <pre className="telegram" aria-label="Telegram text" tabIndex={0}>
      {text.data}
    </pre>
  );
}
