import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, Link, Route, Routes } from "react-router-dom";
import { FindSchool } from "./pages/FindSchool";
import { LeaderFinder } from "./pages/LeaderFinder";
import { LeaderPage } from "./pages/LeaderPage";
import { Oversight } from "./pages/Oversight";
import { SchoolPage } from "./pages/SchoolPage";
import { Callback } from "./auth/Callback";
import { SessionProvider } from "./auth/SessionProvider";
import { SignedInStatus } from "./auth/SignedInStatus";
import { Import } from "./pages/Import";
import { SignIn } from "./pages/SignIn";
import "./styles.css";

function NotFound() {
  return (
    <main>
      <h1>Page not found</h1>
      <p>
        <Link to="/">Find a school</Link>
      </p>
    </main>
  );
}

function App() {
  return (
    <BrowserRouter>
      <header className="masthead">
        <Link to="/" className="service-name">
          School partnerships
        </Link>
        <nav aria-label="Sections">
          <Link to="/">Schools</Link>
          <Link to="/leaders">System leaders</Link>
          <Link to="/oversight">Support gaps</Link>
          <Link to="/import">Import</Link>
        </nav>
        <SignedInStatus />
      </header>
      <Routes>
        <Route path="/" element={<FindSchool />} />
        <Route path="/schools/:urn" element={<SchoolPage />} />
        <Route path="/leaders" element={<LeaderFinder />} />
        <Route path="/leaders/:id" element={<LeaderPage />} />
        <Route path="/oversight" element={<Oversight />} />
        <Route path="/oversight/:region" element={<Oversight />} />
        <Route path="/sign-in" element={<SignIn />} />
        <Route path="/callback" element={<Callback />} />
        <Route path="/import" element={<Import />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
      <footer className="footer">
        Data: DfE Get Information about Schools, Ofsted, DfE performance tables and ONS, under the
        Open Government Licence v3.0. Each figure names its source and the year it describes.
      </footer>
    </BrowserRouter>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);
