import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import type { ReactNode } from 'react';
import { AppBar, Layout, Logout, MenuItemLink, UserMenu, useUserMenu } from 'react-admin';

function AccountMenuItem() {
  const { onClose } = useUserMenu() ?? {};
  return <MenuItemLink to="/account" primaryText="talentflow.auth.account" leftIcon={<AccountCircleIcon />} onClick={onClose} />;
}

const AppUserMenu = () => (
  <UserMenu>
    <AccountMenuItem />
    <Logout />
  </UserMenu>
);

const AppAppBar = () => <AppBar userMenu={<AppUserMenu />} />;

/** react-admin's layout, with the user menu offering the account page and sign-out. */
export const AppLayout = ({ children }: { children: ReactNode }) => <Layout appBar={AppAppBar}>{children}</Layout>;
