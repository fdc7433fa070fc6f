import { IconBook, IconForms, IconLayoutDashboard, IconMessages, IconCircles } from '@tabler/icons-react';
import type { NavItem } from '../../layout/nav';

export const coachNav: NavItem[] = [
  { label: 'My cohorts', to: '/coach', icon: IconLayoutDashboard },
  { label: 'Curriculum', to: '/coach/curriculum', icon: IconBook },
  { label: 'My templates', to: '/coach/templates', icon: IconForms },
  { label: 'Circle', to: '/circle', icon: IconCircles },
  { label: 'Messages', to: '/messages', icon: IconMessages },
];
