import { featureEn, type commonVi, type MessageKey } from './vi';

/** English mirror of `vi.ts`; the type makes a missing or extra key a compile error. */
const commonEn: Record<keyof typeof commonVi, string> = {
  'app.name': 'Cán bộ xã',
  'app.tagline': 'Commune key cadre development and management system',
  'app.version': 'Version {version}',
  'app.demoBanner': 'Demonstration data — not official figures',

  'common.actions': 'Actions',
  'common.backHome': 'Back to home',
  'common.cancel': 'Cancel',
  'common.clearFilters': 'Clear filters',
  'common.edit': 'Edit',
  'common.filter': 'Filter',
  'common.no': 'No',
  'common.noResults': 'No matching results',
  'common.retry': 'Try again',
  'common.save': 'Save',
  'grid.undo': 'Undo',
  'common.totalItems': 'Total: {total}',
  'common.yes': 'Yes',

  'error.network': 'Cannot reach the server. Please check the network and try again.',
  'error.unexpected': 'Something unexpected went wrong. Please try again or contact the system administrator.',

  'role.admin': 'System administrator',
  'role.province': 'Provincial officer',
  'role.district': 'District officer',
  'role.commune': 'Commune officer',
  'role.viewer': 'Viewer',

  'unitLevel.country': 'Central',
  'unitLevel.province': 'Province level',
  'unitLevel.district': 'District level',
  'unitLevel.commune': 'Commune level',

  'nav.section.administration': 'Administration',
  'nav.section.personal': 'Personal',

  'nav.home': 'Home',

  'nav.home.description': 'Overview of your account and the functions available to you.',

  'nav.users': 'Users',

  'nav.users.description': 'Create accounts, assign roles and territories, lock or unlock accounts.',

  'nav.audit': 'Audit log',

  'nav.audit.description': 'Look up who did what, when, and to which records.',

  'nav.account': 'My account',

  'nav.account.description': 'See your account details and change your password.',

  'shell.language': 'Language',
  'shell.logout': 'Sign out',
  'shell.myAccount': 'My account',
  'shell.scope': 'Scope: {unit}',
  'shell.userMenu': 'Account menu',
  'shell.openMenu': 'Open the menu',
  'shell.closeMenu': 'Close the menu',

  'page.notFound.title': 'Page not found',
  'page.notFound.description': 'This address does not exist or has changed.',

  'page.forbidden.title': 'Access denied',
  'page.forbidden.description': 'Your account is not allowed to open this page.',

  'page.error.title': 'This page ran into a problem',
  'page.error.description': 'The page could not be displayed. The system may have just been updated; please reload the page.',
  'page.error.reload': 'Reload page',

  'auth.sessionExpired': 'Your session has expired. Please sign in again.',
  'auth.sessionCheckFailed': 'Could not check your session',

  'login.username': 'Username',
  'login.usernameRequired': 'Please enter your username',
  'login.password': 'Password',
  'login.passwordRequired': 'Please enter your password',
  'login.submit': 'Sign in',
  'login.retryIn': 'You can try again in {time}.',

  'forcedPassword.title': 'Please set a new password',
  'forcedPassword.description': 'Your current password was issued by the system administrator. Please choose your own password before you continue.',

  'password.hint': 'At least {min} characters.',
  'password.required': 'Please enter a password',
  'password.tooShort': 'The password must have at least {min} characters',
  'password.confirm': 'Repeat the new password',
  'password.confirmRequired': 'Please repeat the new password',
  'password.mismatch': 'The passwords do not match',

  'user.username': 'Username',
  'user.fullName': 'Full name',
  'user.role': 'Role',
  'user.unit': 'Unit',

  'unitPicker.placeholder': 'Search by unit name or code',
  'unitPicker.typeToSearch': 'Type a unit name or code (accents optional)',
  'unitPicker.noResults': 'No matching unit',

  // ---- Territory (features/territory) ----
  'nav.territory': 'Territory',

  'nav.territory.description': 'Administrative units on any date, merger history, villages, party organisations and commune classification.',

  // ---- Cadres (features/cadres, features/imports) ----
  'nav.cadres': 'Cadres',

  'nav.cadres.description': 'Records of commune key cadres: posts over time, qualifications, résumé; Excel import and export.',

  'nav.compliance': 'Standards compliance',

  'nav.compliance.description': 'Who meets the standards of their post, what is missing, on any date; figures by unit and the standards themselves.',

  'nav.trainingReviews': 'Training needs reviews',

  'nav.trainingReviews.description': 'The annual training needs review: proposals, choosing trainees, submission and approval of the plan, quotas.',
};

export const en: Record<MessageKey, string> = { ...commonEn, ...featureEn };
