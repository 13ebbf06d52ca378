// The client's copy of a thread: items in order plus the last applied `seq`.
// Applying ChatKit stream events here mirrors what the server stores, so a replay after a
// reconnect (events with seq <= lastSeq are skipped) ends in exactly the server's state.

export class ThreadState {
  constructor(thread = null) {
    this.id = thread?.id ?? null;
    this.title = thread?.title ?? "";
    this.status = thread?.status ?? { type: "active" };
    this.items = new Map();
    this.lastSeq = thread?.last_seq ?? 0;
    this.streaming = new Set();
    for (const item of thread?.items?.data ?? []) this.items.set(item.id, item);
    // Where items.list continues towards older items, or null when all are loaded.
    this.olderCursor = thread?.items?.has_more ? thread.items.after : null;
  }

  /** Apply one stream frame; returns the ids of items that changed (or null if skipped). */
  apply(seq, event) {
    if (seq <= this.lastSeq) return null;
    this.lastSeq = seq;
    switch (event.type) {
      case "thread.created":
      case "thread.updated":
        this.id = event.thread.id;
        this.title = event.thread.title ?? "";
        this.status = event.thread.status ?? { type: "active" };
        return [];
      case "thread.item.added":
        this.items.set(event.item.id, event.item);
        this.streaming.add(event.item.id);
        return [event.item.id];
      case "thread.item.done":
      case "thread.item.replaced":
        this.items.set(event.item.id, event.item);
        this.streaming.delete(event.item.id);
        return [event.item.id];
      case "thread.item.removed":
        this.items.delete(event.item_id);
        this.streaming.delete(event.item_id);
        return [event.item_id];
      case "thread.item.updated": {
        const item = this.items.get(event.item_id);
        if (!item) return [];
        this.items.set(event.item_id, applyUpdate(item, event.update));
        return [event.item_id];
      }
      default:
        return [];
    }
  }

  /** Put older items (oldest first, from items.list) before the loaded ones. */
  prepend(items, olderCursor) {
    const merged = new Map(items.map((item) => [item.id, item]));
    for (const [id, item] of this.items) merged.set(id, item);
    this.items = merged;
    this.olderCursor = olderCursor;
  }

  lastUserMessage() {
    return [...this.items.values()].reverse().find((item) => item.type === "user_message") ?? null;
  }
}

function findComponent(node, id) {
  if (!node || typeof node !== "object") return null;
  if (node.id === id) return node;
  for (const child of node.children ?? []) {
    const found = findComponent(child, id);
    if (found) return found;
  }
  return null;
}

export function applyUpdate(item, update) {
  const next = structuredClone(item);
  const content = next.content ?? [];
  switch (update.type) {
    case "assistant_message.content_part.added":
      content[update.content_index] = update.content;
      break;
    case "assistant_message.content_part.text_delta":
      if (content[update.content_index]) content[update.content_index].text += update.delta;
      break;
    case "assistant_message.content_part.done":
      content[update.content_index] = update.content;
      break;
    case "assistant_message.content_part.annotation_added": {
      const part = content[update.content_index];
      if (part) (part.annotations ??= []).push(update.annotation);
      break;
    }
    case "widget.root.updated":
      next.widget = update.widget;
      break;
    case "widget.streaming_text.value_delta": {
      const component = findComponent(next.widget, update.component_id);
      if (component) {
        component.value = String(component.value ?? "") + update.delta;
        component.streaming = !update.done;
      }
      break;
    }
    case "widget.component.updated": {
      const component = findComponent(next.widget, update.component_id);
      if (component) {
        for (const key of Object.keys(component)) delete component[key];
        Object.assign(component, update.component);
      }
      break;
    }
  }
  return next;
}
