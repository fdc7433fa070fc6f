import { useMutation } from '@apollo/client/react';
import { Button } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { notifications } from '@mantine/notifications';
import { humanError } from '../../api/apollo-errors';
import { MY_CONVERSATIONS, START_CONVERSATION } from './operations';

/** "Message" next to a person (a coach's client row): opens, or starts, the private conversation. */
export function MessageButton({ cohortId, withUserId, name }: { cohortId: string; withUserId: string; name: string }) {
  const navigate = useNavigate();
  const [start, { loading }] = useMutation(START_CONVERSATION, { refetchQueries: [{ query: MY_CONVERSATIONS }] });
  const open = async () => {
    try {
      const result = await start({ variables: { cohortId, withUserId } });
      if (result.data) navigate(`/messages/${result.data.startConversation.id}`);
    } catch (error) {
      notifications.show({ message: humanError(error), color: 'red' });
    }
  };
  return (
    <Button size="compact-xs" variant="subtle" leftSection={<IconMessage size={14} aria-hidden />} loading={loading} onClick={() => void open()} aria-label={`Message ${name}`}>
      Message
    </Button>
  );
}
