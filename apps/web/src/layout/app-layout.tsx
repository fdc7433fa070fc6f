import { useQuery, useSubscription } from '@apollo/client/react';
import { ActionIcon, AppShell, Avatar, Burger, Group, Indicator, Menu, NavLink, ScrollArea, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell, IconChevronDown, IconLogout, IconSettings } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { EmailVerificationBanner } from '../features/account/email-verification-banner';
import { useMe, useAuth } from '../auth/auth-context';
import { adminNav } from '../features/admin/nav';
import { clientNav } from '../features/client/nav';
import { coachNav } from '../features/coach/nav';
import { graphql } from '../gql';
import { humanize } from '../ui/status';
import type { NavItem } from './nav';

export const UNREAD_COUNT = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

const NOTIFICATION_ADDED = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
    }
  }
`);

const NAV: Record<string, NavItem[]> = { CLIENT: clientNav, COACH: coachNav, ADMIN: adminNav };

function NotificationsBell() {
  // Polled: the worker creates reminders and summaries while the page is open.
  const { data, refetch } = useQuery(UNREAD_COUNT, { pollInterval: 60_000, fetchPolicy: 'cache-and-network' });
  // Live: a new notification (stored by the API or the worker) updates the count at once.
  useSubscription(NOTIFICATION_ADDED, { onData: () => void refetch() });
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <Indicator label={count > 99 ? '99+' : count} size={18} disabled={count === 0} offset={4} color="red">
      <ActionIcon component={Link} to="/notifications" variant="subtle" size="lg" aria-label={count ? `Notifications, ${count} unread` : 'Notifications'}>
        <IconBell aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}

function UserMenu() {
  const me = useMe();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="anchor" radius="xl" size="sm" aria-hidden>
              {me.name.slice(0, 1).toUpperCase()}
            </Avatar>
            {/* The visible name starts the button's accessible name, as WCAG 2.5.3 asks. */}
            <Text component="span" size="sm" fw={500} maw={{ base: 110, sm: 220 }} truncate="end">
              {me.name}
            </Text>
            <VisuallyHidden>, account menu</VisuallyHidden>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {humanize(me.role)} · {me.timezone}
        </Menu.Label>
        <Menu.Item component={Link} to="/settings" leftSection={<IconSettings size={16} aria-hidden />}>
          Settings
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={async () => {
            await signOut();
            navigate('/login', { replace: true });
          }}
        >
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The signed-in frame: header with notifications and account, a role's navigation, the screen. */
export function AppLayout() {
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  useEffect(close, [location.pathname, close]);
  const items = NAV[me.role] ?? [];

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        {/* One row at any width: wrapping would push the bell and the account under the header. */}
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
            <Text component={Link} to="/" fw={700} size="lg" c="var(--anchored-brand-text)" td="none">
              Anchored
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <NotificationsBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          <VisuallyHidden>
            <h2>Navigation</h2>
          </VisuallyHidden>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
              active={location.pathname === item.to || (item.to !== '/' && location.pathname.startsWith(`${item.to}/`))}
              aria-current={location.pathname === item.to ? 'page' : undefined}
            />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <div style={{ maxWidth: 1200, margin: '0 auto' }}>
          <EmailVerificationBanner />
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
