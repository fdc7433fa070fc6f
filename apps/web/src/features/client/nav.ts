import { IconAnchor, IconCalendarWeek, IconChecklist, IconHistory, IconMessages, IconCircles, IconShieldLock, IconUsersGroup } from '@tabler/icons-react';
import type { NavItem } from '../../layout/nav';

export const clientNav: NavItem[] = [
  { label: 'This week', to: '/week', icon: IconCalendarWeek },
  { label: 'Homework', to: '/homework', icon: IconChecklist },
  { label: 'My progress', to: '/history', icon: IconHistory },
  { label: 'My practice', to: '/practice', icon: IconAnchor },
  { label: 'Cohorts', to: '/cohorts', icon: IconUsersGroup },
  { label: 'Circle', to: '/circle', icon: IconCircles },
  { label: 'Messages', to: '/messages', icon: IconMessages },
  { label: 'Privacy', to: '/privacy', icon: IconShieldLock },
];
