import { Page } from '@strapi/strapi/admin';
import { Routes, Route } from 'react-router-dom';
import { Main, Box, Typography } from '@strapi/design-system';

const Home = () => (
  <Main>
    <Box padding={8}>
      <Typography variant="alpha" tag="h1">
        EasyCars
      </Typography>
    </Box>
  </Main>
);

const App = () => (
  <Routes>
    <Route index element={<Home />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
