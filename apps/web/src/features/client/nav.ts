import { IconAnchor, IconCalendarWeek, IconChecklist, IconHistory, IconShieldLock, IconUsersGroup } from '@tabler/icons-react';
import type { NavItem } from '../../layout/nav';

export const clientNav: NavItem[] = [
  { label: 'This week', to: '/week', icon: IconCalendarWeek },
  { label: 'Homework', to: '/homework', icon: IconChecklist },
  { label: 'My progress', to: '/history', icon: IconHistory },
  { label: 'My practice', to: '/practice', icon: IconAnchor },
  { label: 'Cohorts', to: '/cohorts', icon: IconUsersGroup },
  { label: 'Privacy', to: '/privacy', icon: IconShieldLock },
];
