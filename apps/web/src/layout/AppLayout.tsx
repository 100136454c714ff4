import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import type { ReactNode } from 'react';
import { AppBar, Layout, Logout, MenuItemLink, useGetIdentity, UserMenu, useUserMenu } from 'react-admin';

function AccountMenuItem() {
  const { onClose } = useUserMenu() ?? {};
  return <MenuItemLink to="/account" primaryText="talentflow.auth.account" leftIcon={<AccountCircleIcon />} onClick={onClose} />;
}

/** The user menu: its button shows the user's name, so that name is also its accessible name. */
function AppUserMenu() {
  const { identity } = useGetIdentity();
  return (
    <UserMenu label={identity?.fullName ?? 'ra.auth.user_menu'}>
      <AccountMenuItem />
      <Logout />
    </UserMenu>
  );
}

const AppAppBar = () => <AppBar userMenu={<AppUserMenu />} />;

/** react-admin's layout, with the user menu offering the account page and sign-out. */
export const AppLayout = ({ children }: { children: ReactNode }) => <Layout appBar={AppAppBar}>{children}</Layout>;
