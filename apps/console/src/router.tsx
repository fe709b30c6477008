import { lazy } from 'react';
import { createBrowserRouter, Navigate, useOutletContext } from 'react-router';
import type { Me } from './shared/api/views';
import { Shell } from './shared/Shell';
import { Nothing } from './shared/states';
import { landingOf } from './shared/workbenches';

// One chunk per workbench: a hospital's phone loads the report form, not the police board.
const LoginPage = lazy(() => import('./login/LoginPage'));
const HospitalHome = lazy(() => import('./hospital/HomePage'));
const HospitalReport = lazy(() => import('./hospital/ReportPage'));
const HospitalIncidents = lazy(() => import('./hospital/IncidentsPage'));
const DoorCheck = lazy(() => import('./hospital/DoorCheckPage'));
const ComplaintIntake = lazy(() => import('./complaints/IntakePage'));
const PoliceBoard = lazy(() => import('./police/BoardPage'));
const PoliceIncidents = lazy(() => import('./police/IncidentsPage'));
const CasePage = lazy(() => import('./cases/CasePage'));
const OverviewPage = lazy(() => import('./overview/OverviewPage'));
// 安全台账 (issue 20): the hospital's own profile and returns; the commission's ledger, a hospital's page, a return.
const SecurityProfile = lazy(() => import('./ledger/SecurityProfilePage'));
const RegionLedger = lazy(() => import('./ledger/LedgerPage'));
const LedgerHospital = lazy(() => import('./ledger/HospitalLedgerPage'));
const LedgerReturn = lazy(() => import('./ledger/ReturnPage'));
const LedgerInspection = lazy(() => import('./ledger/InspectionPage'));
const LedgerAssessment = lazy(() => import('./ledger/AssessmentPage'));
const InboxPage = lazy(() => import('./inbox/InboxPage'));
const PoliceCases = lazy(() => import('./police-cases/CasesPage'));
const PoliceCasePage = lazy(() => import('./police-cases/PoliceCasePage'));
const DisputePage = lazy(() => import('./cases/DisputePage'));
const ComplaintDisputes = lazy(() => import('./complaints/DisputesPage'));

function Landing() {
  const me = useOutletContext<Me>();
  return <Navigate to={landingOf(me.roles)} replace />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <Shell />,
    children: [
      { index: true, element: <Landing /> },
      { path: 'hospital', element: <HospitalHome /> },
      { path: 'hospital/report', element: <HospitalReport /> },
      { path: 'hospital/incidents', element: <HospitalIncidents /> },
      { path: 'hospital/door-check', element: <DoorCheck /> },
      { path: 'complaints/intake', element: <ComplaintIntake /> },
      { path: 'police/board', element: <PoliceBoard /> },
      { path: 'police/incidents', element: <PoliceIncidents /> },
      { path: 'case/:caseNumber', element: <CasePage /> },
      { path: 'overview', element: <OverviewPage /> },
      { path: 'hospital/security-profile', element: <SecurityProfile /> },
      { path: 'ledger', element: <RegionLedger /> },
      { path: 'ledger/hospitals/:hospitalId', element: <LedgerHospital /> },
      { path: 'ledger/returns/:returnId', element: <LedgerReturn /> },
      { path: 'ledger/inspections/:inspectionId', element: <LedgerInspection /> },
      { path: 'ledger/assessment', element: <LedgerAssessment /> },
      { path: 'inbox', element: <InboxPage /> },
      { path: 'police/cases', element: <PoliceCases /> },
      { path: 'police-cases/:caseNumber', element: <PoliceCasePage /> },
      { path: 'disputes/:caseNumber', element: <DisputePage /> },
      { path: 'complaints/disputes', element: <ComplaintDisputes /> },
      { path: 'nothing', element: <Nothing>您的角色暂无可用的工作台（系统管理功能将在后续版本提供）。</Nothing> },
      { path: '*', element: <Nothing>没有这个页面</Nothing> },
    ],
  },
]);
