import { Modal, type ModalRootProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';

/**
 * Mantine's Modal for every dialog of the app:
 * - its header is a <div>: the default <header> would count as a second page "banner" landmark
 *   inside the dialog (axe: landmark-no-duplicate-banner);
 * - the close button is named;
 * - the title outlives the thing it is about: screens clear their "editing X" state on close, and
 *   the dialog must not lose its accessible name while it fades out.
 */
export function Dialog({ title, children, centered = true, ...props }: Omit<ModalRootProps, 'title' | 'children'> & { title: ReactNode; children?: ReactNode }) {
  const [shownTitle, setShownTitle] = useState<ReactNode>(title);
  if (title && title !== shownTitle) setShownTitle(title);
  return (
    <Modal.Root centered={centered} {...props}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title>{title || shownTitle}</Modal.Title>
          <Modal.CloseButton aria-label="Close" />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
