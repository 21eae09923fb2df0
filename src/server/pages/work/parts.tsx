/** Small pieces the working pages share: the one-time message, the CSRF field, a state badge. */
import { STATE_LABEL, type VersionState } from "../../../service/states.ts";
import type { Flash } from "./flash.ts";

export function FlashNote(props: { flash: Flash | undefined }) {
  const f = props.flash;
  if (!f) return null;
  return (
    <p class={`notice flash ${f.kind}`} role={f.kind === "error" ? "alert" : "status"} id="flash">
      {f.text}
    </p>
  );
}

/** The hidden field every state-changing form sends back (session.ts checks it). */
export function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

const STATE_CLASS: Partial<Record<VersionState, string>> = {
  published: "s-published",
  returned: "s-warning",
  withdrawn: "s-withdrawn",
  submitted: "s-info",
};

export function StateBadge(props: { state: VersionState }) {
  return (
    <span class={`status ${STATE_CLASS[props.state] ?? ""}`} data-state={props.state}>
      {STATE_LABEL[props.state]}
    </span>
  );
}
